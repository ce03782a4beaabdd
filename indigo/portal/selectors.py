"""Reads of the portal. An applicant's applications always come through
`applications_visible_to`, narrowed to the ones they applied for themselves."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db.models import QuerySet

from indigo.cases.access import applications_visible_to
from indigo.cases.deadline import Deadline, deadline_of
from indigo.cases.models import Applicant, Application, InformationRequest
from indigo.cases.selectors import application_events
from indigo.catalog.models import Channel, CustomerGroup, Product, ProductVersion
from indigo.catalog.selectors import NoVersionInForce, version_in_force
from indigo.dossier.models import Document
from indigo.portal.models import Draft, Payment
from indigo.portal.phases import EVENT_WORDS, Phase, phase_of

DECISION_LETTER = "decision-letter"  # the dossier type `indigo.decisions` stores letters as


@dataclass(frozen=True)
class Offer:
    """A product the applicant can apply for online today."""

    product: Product
    version: ProductVersion
    group: CustomerGroup

    @property
    def fee(self) -> Decimal:
        return self.version.fee_eur

    @property
    def fee_unknown(self) -> bool:
        """No fee is entered and the zero is not a checked figure: the fee is unknown,
        never free. It cannot be charged; intake sees the application flagged."""
        return self.version.fee_eur <= 0 and not self.version.fee_verified


def online_group(version: ProductVersion) -> CustomerGroup | None:
    """The version's customer group that applies online (the portal's own DKC)."""
    for group in version.customer_groups.all():
        if Channel.ONLINE in group.channels:
            return group
    return None


def offers(*, on: date) -> list[Offer]:
    found = []
    for product in Product.objects.order_by("code"):
        try:
            version = version_in_force(product=product, on=on)
        except NoVersionInForce:
            continue
        group = online_group(version)
        if group is not None:
            found.append(Offer(product=product, version=version, group=group))
    return sorted(found, key=lambda offer: offer.product.name)


def offer_for(*, product_code: str, on: date) -> Offer | None:
    return next((o for o in offers(on=on) if o.product.code == product_code), None)


def own_applications(*, user) -> QuerySet[Application]:
    return (
        applications_visible_to(user)
        .filter(applicant__user=user)
        .select_related("product", "product_version", "applicant")
        .order_by("-received_on", "-id")
    )


def own_application_get(*, user, reference: str) -> Application:
    """The user's own application, or Application.DoesNotExist (also for someone else's)."""
    return own_applications(user=user).get(reference=reference)


def profile_of(*, user) -> Applicant | None:
    """What we know of this person from earlier applications (to fill in the form)."""
    return Applicant.objects.filter(user=user).order_by("-created_at", "-id").first()


def drafts_of(*, user) -> QuerySet[Draft]:
    return Draft.objects.filter(user=user).select_related("product").order_by("-updated_at")


def paid_payment(draft: Draft) -> Payment | None:
    return draft.payments.filter(state=Payment.State.PAID).first()


def latest_payment(draft: Draft) -> Payment | None:
    return draft.payments.order_by("-created_at", "-id").first()


@dataclass
class FollowPage:
    """Everything the follow page shows, read once."""

    application: Application
    phase: Phase
    deadline: Deadline
    open_requests: list[InformationRequest]
    messages: list[InformationRequest]
    history: list[tuple[object, str]]
    letter: Document | None
    appointments: list = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)


def _appointments(*, user, application: Application) -> list:
    # Desks are another app: the page works without it.
    if not apps.is_installed("indigo.desks"):
        return []
    from indigo.desks.selectors import appointments_of

    return list(appointments_of(user=user).filter(application=application))


def decision_letter(application: Application) -> Document | None:
    return (
        Document.objects.filter(application=application, document_type__code=DECISION_LETTER)
        .order_by("-version")
        .first()
    )


def follow_page(*, user, application: Application, today: date) -> FollowPage:
    requests = list(application.information_requests.order_by("-requested_at"))
    history = [
        (event, str(EVENT_WORDS[event.action]))
        for event in application_events(application=application, user=user)
        if event.action in EVENT_WORDS
    ]
    return FollowPage(
        application=application,
        phase=phase_of(application.status),
        deadline=deadline_of(application, today=today),
        open_requests=[r for r in requests if r.is_open],
        messages=requests,
        history=list(reversed(history)),
        letter=decision_letter(application),
        appointments=_appointments(user=user, application=application),
        payments=list(application.portal_payments.filter(state=Payment.State.PAID)),
    )
