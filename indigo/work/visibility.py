"""Visibility rules that follow the work (see `indigo.cases.access`)."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from indigo.accounts.roles import is_staff_member
from indigo.organisation.selectors import specialism_queues_of
from indigo.work.models import Task


def tasks_assigned_to_me(user, today: date) -> Q | None:
    """Staff see any application on which a task is assigned to them."""
    if not is_staff_member(user):
        return None
    return Q(Exists(Task.objects.filter(application=OuterRef("pk"), assignee=user)))


def open_tasks_in_my_specialisms(user, today: date) -> Q | None:
    """Specialists see applications with an open task in their queues, except those of
    a confidential product (asylum): those only once a task is assigned to them."""
    if not is_staff_member(user):
        return None
    queues = specialism_queues_of(user=user, on=today)
    if not queues:
        return None
    waiting = Task.objects.filter(
        application=OuterRef("pk"), state=Task.State.OPEN, queue__in=queues
    )
    return Q(Exists(waiting)) & Q(product__confidential=False)
