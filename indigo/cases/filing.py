"""The one set of filing rules: through which door an application may come in, under
which service-customer combination (DKC) and whether its fee must be paid first.

Every door — the applicant portal, the sponsor portal, the API and the desk — ends in
`indigo.cases.services.application_create`, which asks `filing_check`. A door cannot
widen the rules: the API cannot file what the portal would refuse.

- A channel is a door, and each door has its own kind of user: `online` is the
  applicant with their own account, `sponsor-portal` a recognised sponsor's employee
  (the sponsors app has checked the recognition), every other channel (post, desk,
  municipality, asylum application centre) staff registering what reached them.
- The customer group must take applications through that channel (catalog data:
  `channels` of each group). A door that serves itself (online, sponsor portal) gets
  the group that takes its channel; it cannot claim another one.
- Online, the fee is paid before the application is sent (the portal's payment step);
  the other channels collect it outside Indigo (at the desk, by invoice, by the
  municipality), as the IND does.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from indigo.accounts.roles import Role, has_role, is_staff_member
from indigo.catalog.models import Channel, CustomerGroup, ProductVersion
from indigo.errors import Conflict, InvalidInput, NotAllowed

# Doors that serve the customer themselves; every other channel is staff registering.
SELF_SERVICE = {Channel.ONLINE: Role.APPLICANT, Channel.SPONSOR_PORTAL: Role.SPONSOR}


@dataclass(frozen=True)
class Filing:
    channel: str
    customer_group: CustomerGroup | None


def _door_check(*, actor, channel: str, account) -> None:
    role = SELF_SERVICE.get(channel)
    label = Channel(channel).label
    if role is None:
        if not is_staff_member(actor):
            raise NotAllowed(
                _("Only staff register applications that reached us through “%(channel)s”.")
                % {"channel": label},
                field="channel",
                code="channel-not-yours",
            )
        return
    if is_staff_member(actor) or not has_role(actor, role):
        raise NotAllowed(
            _("Applications through “%(channel)s” come only from the customer themselves.")
            % {"channel": label},
            field="channel",
            code="channel-not-yours",
        )
    if channel == Channel.ONLINE and account != actor:
        raise NotAllowed(_("An applicant applies online only for themselves."), field="channel")


def _group_for(*, version: ProductVersion, channel: str, code: str | None):
    groups = list(version.customer_groups.all())
    if code:
        group = next((g for g in groups if g.code == code), None)
        if group is None:
            raise InvalidInput(
                _(
                    "Product '%(product)s' has no customer group '%(group)s'. "
                    "Choose one of: %(codes)s."
                )
                % {
                    "product": version.product.code,
                    "group": code,
                    "codes": ", ".join(g.code for g in groups),
                },
                field="customer_group",
            )
        if channel not in group.channels:
            raise InvalidInput(
                _(
                    "Customer group '%(group)s' does not take applications through "
                    "“%(channel)s”; it takes them through: %(channels)s."
                )
                % {
                    "group": group.code,
                    "channel": Channel(channel).label,
                    "channels": ", ".join(str(Channel(c).label) for c in group.channels),
                },
                field="customer_group",
                code="channel-not-allowed",
            )
        return group
    if channel not in SELF_SERVICE:
        return None  # staff may register without naming a group (as before)
    group = next((g for g in groups if channel in g.channels), None)
    if group is None:
        raise InvalidInput(
            _("“%(product)s” cannot be applied for through “%(channel)s”.")
            % {"product": version.product.name, "channel": Channel(channel).label},
            field="product",
            code="channel-not-allowed",
        )
    return group


def filing_check(
    *,
    actor,
    version: ProductVersion,
    channel: str,
    customer_group_code: str | None,
    account=None,
    fee_paid_eur: Decimal | None = None,
    replayed: bool = False,
) -> Filing:
    """Refuse a filing the rules do not allow; return its channel and customer group.

    `replayed` is for recording, after the fact, a filing that came through its own
    door earlier (the demo's history): the door and the fee are not checked again,
    the customer group and channel still are. No screen or API passes it."""
    if channel not in Channel.values:
        raise InvalidInput(
            _("Unknown channel '%(channel)s'. Choose one of: %(channels)s.")
            % {"channel": channel, "channels": ", ".join(Channel.values)},
            field="channel",
        )
    if not replayed:
        _door_check(actor=actor, channel=channel, account=account)
    group = _group_for(version=version, channel=channel, code=customer_group_code)
    unpaid = fee_paid_eur is None or fee_paid_eur < version.fee_eur
    if channel == Channel.ONLINE and version.fee_eur > 0 and unpaid and not replayed:
        raise Conflict(
            _("Pay the fee of € %(fee)s first, in the portal. Then send the application.")
            % {"fee": version.fee_eur},
            code="unpaid",
        )
    return Filing(channel=channel, customer_group=group)
