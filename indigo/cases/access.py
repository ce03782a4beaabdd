"""Who may see which application: decided here, in one place.

`applications_visible_to` is the only way lists and detail pages find applications,
so a list can never show what a detail page would refuse.
"""

from django.db.models import QuerySet

from indigo.accounts.roles import Role, is_staff_member, roles_of
from indigo.cases.models import Application


def applications_visible_to(user) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    if is_staff_member(user):
        return Application.objects.all()
    if Role.APPLICANT in roles_of(user):
        return Application.objects.filter(applicant__user=user)
    return Application.objects.none()
