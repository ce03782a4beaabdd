"""Roles of Indigo's users, as Django groups.

A role is what a person does (caseworker, desk, …); what they may see is decided by
the predicates in `indigo.cases.access`, in one place.
"""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group


class Role(StrEnum):
    ADMIN = "admin"  # functional administrator (functioneel beheerder)
    CASEWORKER = "caseworker"  # beslismedewerker
    MANAGER = "manager"
    SPECIALIST = "specialist"
    DESK = "desk"  # IND-loket
    CONTACT = "contact"  # contact centre
    APPLICANT = "applicant"
    SPONSOR = "sponsor"  # referent
    # Issue 9: reads the processing log (who saw a person's data) and answers requests
    # for access (AVG art. 15); sees no applications of its own accord.
    PRIVACY = "privacy"  # privacy officer (functionaris gegevensbescherming / privacy-officer)
    PARTNER = "partner"  # a partner agency: public prosecutor, police, municipality, COA


STAFF_ROLES = frozenset(
    {
        Role.ADMIN,
        Role.CASEWORKER,
        Role.MANAGER,
        Role.SPECIALIST,
        Role.DESK,
        Role.CONTACT,
        Role.PRIVACY,
    }
)


def roles_of(user: AbstractBaseUser | AnonymousUser) -> frozenset[Role]:
    """The user's roles, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_indigo_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(Role(n) for n in names if n in Role._value2member_map_)
        if user.is_superuser:
            cached |= {Role.ADMIN}
        user._indigo_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def is_staff_member(user) -> bool:
    return bool(roles_of(user) & STAFF_ROLES)


def grant_role(user, role: Role) -> None:
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    if hasattr(user, "_indigo_roles"):
        del user._indigo_roles


# Who can own an application (beslismedewerker) or hand out such ownership.
CASEWORKER_ROLES = (Role.CASEWORKER,)
