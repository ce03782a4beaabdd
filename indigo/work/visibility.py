"""Visibility rules that follow the work (see `indigo.cases.access`)."""

from datetime import date

from django.db.models import Exists, OuterRef, Q

from indigo.accounts.roles import is_staff_member
from indigo.organisation.selectors import specialism_queues_of
from indigo.work.models import Task


def tasks_assigned_to_me(user, today: date) -> Q | None:
    """Staff see any application on which a task is assigned to them; for a
    confidential product (asylum) only while the task is open: a specialist's access
    ends with the task (issue 9)."""
    if not is_staff_member(user):
        return None
    mine = Task.objects.filter(application=OuterRef("pk"), assignee=user)
    return Q(Exists(mine.filter(state=Task.State.OPEN))) | (
        Q(Exists(mine)) & Q(product__confidential=False)
    )


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
