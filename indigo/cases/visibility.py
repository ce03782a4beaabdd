"""Visibility rules of the cases app (see `indigo.cases.access`)."""

from datetime import date

from django.db.models import Q

from indigo.accounts.roles import Role, is_staff_member, roles_of
from indigo.organisation.selectors import processes_of


def processes_of_my_units(user, today: date) -> Q | None:
    """Staff see the applications of the processes their units handle."""
    if not is_staff_member(user):
        return None
    processes = processes_of(user=user, on=today)
    return Q(product__process__in=processes) if processes else None


def my_own_applications(user, today: date) -> Q | None:
    """Applicants see their own applications."""
    return Q(applicant__user=user) if Role.APPLICANT in roles_of(user) else None
