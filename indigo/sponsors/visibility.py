"""The sponsors' visibility rule (see `indigo.cases.access`)."""

from datetime import date

from django.db.models import Q

from indigo.accounts.roles import Role, roles_of
from indigo.sponsors.selectors import sponsored_by_organisations_of


def filed_by_my_organisations(user, today: date) -> Q | None:
    """Sponsor users see exactly the applications their organisations filed."""
    if Role.SPONSOR not in roles_of(user):
        return None
    return Q(sponsored_by_organisations_of(user))
