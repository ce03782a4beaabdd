"""Changes to the organisation: who works in which unit.

Flexible deployment (flexibele inzet, R7): a manager lends an employee to another
unit for a while. The lending is a temporary, dated membership; while it runs the
employee sees the unit's applications and gets work from its queues ("get next"),
because both read memberships by date (`indigo.organisation.selectors`). Nothing has
to be undone afterwards: the membership simply ends.

The membership row is its own record of the decision: who lent whom, when and why
(`created_by`, `created_at`, `reason`).
"""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.errors import InvalidInput, NotAllowed
from indigo.organisation.models import Membership, Unit
from indigo.organisation.selectors import memberships_on

logger = logging.getLogger(__name__)

# Who does the work in queues, and so can be lent to a unit to add capacity.
QUEUE_WORKER_ROLES = (Role.CASEWORKER, Role.SPECIALIST)


def membership_lend(
    *, actor, user, unit: Unit, valid_from: date | None, valid_to: date | None, reason: str
) -> Membership:
    """Lend `user` to `unit` from `valid_from` up to and including `valid_to`."""
    if not has_role(actor, Role.MANAGER):
        raise NotAllowed("Only a manager can lend an employee to another unit.")
    today = clock.today()
    # The receiving unit decides who joins it: a lending is made by a manager of that
    # unit (its consent), never by a manager elsewhere (issue 9: a manager lent a
    # caseworker into the asylum unit and so opened its files).
    if unit not in [m.unit for m in memberships_on(user=actor, on=today) if not m.temporary]:
        raise NotAllowed(f"Only a manager of {unit.code} can lend an employee to it.", field="unit")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(
            "Give a reason for the lending, e.g. the intake it should absorb.", field="reason"
        )
    if valid_from is None:
        raise InvalidInput("Give the first day of the lending.", field="valid_from")
    if valid_from < today:
        raise InvalidInput(
            f"The lending cannot start in the past (today is {today:%Y-%m-%d}).",
            field="valid_from",
        )
    if valid_to is None:
        raise InvalidInput(
            "Give the last day of the lending: a temporary membership must end.",
            field="valid_to",
        )
    if valid_to < valid_from:
        raise InvalidInput("The last day cannot be before the first day.", field="valid_to")
    longest = settings.INDIGO_LENDING_MAX_DAYS
    if (valid_to - valid_from).days + 1 > longest:
        raise InvalidInput(
            f"A lending lasts at most {longest} days; lend again when more is needed.",
            field="valid_to",
        )
    if (valid_from - today).days > longest:
        raise InvalidInput(
            f"A lending starts within {longest} days from today.", field="valid_from"
        )
    if not has_role(user, *QUEUE_WORKER_ROLES):
        raise InvalidInput(
            f"{user.get_username()} is not a caseworker or specialist and does no queue work.",
            field="user",
        )
    with transaction.atomic():
        # Serialise lendings of one employee, so two managers cannot both pass the
        # overlap check below.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        overlapping = (
            Membership.objects.filter(user=user, unit=unit, valid_from__lte=valid_to)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
            .order_by("valid_from")
            .first()
        )
        if overlapping is not None:
            raise InvalidInput(_overlap_message(user, unit, overlapping), field="valid_from")
        membership = Membership.objects.create(
            user=user,
            unit=unit,
            valid_from=valid_from,
            valid_to=valid_to,
            temporary=True,
            reason=reason,
            created_by=actor,
        )
    user.__dict__.pop("_indigo_units", None)
    logger.info(
        "%s lent %s to %s from %s to %s",
        actor.get_username(),
        user.get_username(),
        unit.code,
        valid_from,
        valid_to,
    )
    return membership


def _overlap_message(user, unit: Unit, existing: Membership) -> str:
    name = user.get_username()
    if not existing.temporary:
        return f"{name} is already a member of {unit.code} in that period."
    return (
        f"{name} is already lent to {unit.code} from {existing.valid_from:%Y-%m-%d} to "
        f"{existing.valid_to:%Y-%m-%d}. Choose dates outside that period."
    )
