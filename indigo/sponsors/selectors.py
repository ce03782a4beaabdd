"""Reads for recognised sponsors: their organisations, and their applications.

A sponsor user's applications are found only through `applications_visible_to`, whose
sponsor clause is `sponsored_by_organisations_of` below; so the dashboard, the
application page and every action agree on what a user may see.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from indigo.cases.access import applications_visible_to
from indigo.cases.deadline import Deadline, deadline_of
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, InformationRequest
from indigo.catalog.models import CustomerGroup, Product
from indigo.catalog.selectors import NoVersionInForce, version_in_force
from indigo.errors import InvalidInput
from indigo.rules.findings import Outcome
from indigo.rules.models import Fact
from indigo.rules.vocabulary import FACT_NAMES, FactName
from indigo.sponsors.categories import PRODUCT_CATEGORY, RECOGNISED_SPONSOR
from indigo.sponsors.models import ChangeReport, Sponsor, SponsoredApplication
from indigo.sponsors.statements import STATED_FACTS

PAGE_SIZE = 50


def sponsors_of(*, user) -> list[Sponsor]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Sponsor.objects.filter(members__user=user).order_by("name"))


def sponsored_by_organisations_of(user) -> Exists:
    """Applications filed by a sponsor the user works for (the access clause)."""
    return Exists(
        SponsoredApplication.objects.filter(application=OuterRef("pk"), sponsor__members__user=user)
    )


def sponsor_applications(*, user) -> QuerySet[Application]:
    return applications_visible_to(user).filter(sponsored_by_organisations_of(user))


def sponsored_application_get(*, user, reference: str) -> Application:
    """The application, or Application.DoesNotExist: also when another organisation
    filed it, so the answer never tells that it exists."""
    return (
        sponsor_applications(user=user)
        .select_related(
            "product",
            "product_version",
            "applicant",
            "customer_group",
            "sponsorship__sponsor",
            "sponsorship__authorisation",
        )
        .get(reference=(reference or "").strip().upper())
    )


def products_open_to(*, sponsor: Sponsor, on: date) -> list[Product]:
    """Products this sponsor may apply for on `on`: its categories, and a version in
    force with the recognised-sponsor customer group."""
    codes = [code for code, c in PRODUCT_CATEGORY.items() if c in sponsor.categories]
    products = []
    for product in Product.objects.filter(code__in=codes).order_by("code"):
        try:
            version = version_in_force(product=product, on=on)
        except NoVersionInForce:
            continue
        if CustomerGroup.objects.filter(version=version, code=RECOGNISED_SPONSOR).exists():
            products.append(product)
    return products


@dataclass(frozen=True)
class DashboardRow:
    application: Application
    deadline: Deadline
    open_requests: list[InformationRequest]
    vouch_asked: bool  # running, not vouched yet, and the sponsor may still vouch


def dashboard_rows(*, user, today: date, page: int = 1) -> tuple[list[DashboardRow], bool]:
    """One page of the organisation's applications, most recently received first; and
    whether there is a next page (no COUNT: lists stay fast at any size)."""
    open_requests = InformationRequest.objects.filter(
        answered_at__isnull=True, expired_on__isnull=True
    ).order_by("until")
    qs = (
        sponsor_applications(user=user)
        .select_related("product", "product_version", "applicant", "sponsorship__sponsor")
        .prefetch_related(
            "suspensions", Prefetch("information_requests", queryset=open_requests, to_attr="open")
        )
        .order_by("-received_on", "-id")
    )
    start = (page - 1) * PAGE_SIZE
    rows = list(qs[start : start + PAGE_SIZE + 1])
    shown = rows[:PAGE_SIZE]
    vouched = _vouched_ids([a.pk for a in shown])
    result = [
        DashboardRow(
            application=a,
            deadline=deadline_of(a, today=today),
            open_requests=a.open,
            vouch_asked=(
                a.status in ACTIVE
                and a.pk not in vouched
                and a.sponsorship.sponsor.is_recognised_on(today)
            ),
        )
        for a in shown
    ]
    return result, len(rows) > PAGE_SIZE


def _vouched_ids(application_ids: list[int]) -> set[int]:
    """Applications whose newest `sponsor_vouched` fact is true."""
    latest: dict[int, bool] = {}
    facts = (
        Fact.objects.filter(application_id__in=application_ids, name="sponsor_vouched")
        .order_by("application_id", "-recorded_at", "-id")
        .values_list("application_id", "value")
    )
    for application_id, value in facts:
        latest.setdefault(application_id, value is True)
    return {pk for pk, value in latest.items() if value}


def is_vouched(application: Application) -> bool:
    return application.pk in _vouched_ids([application.pk])


@dataclass(frozen=True)
class AskedOfSponsor:
    """What the agency still needs from the sponsor (or, through it, the migrant)."""

    missing_facts: list[FactName]  # facts the rules miss that a sponsor states
    vouch_missing: bool
    open_requests: list[InformationRequest]  # repair periods running for the migrant

    @property
    def anything(self) -> bool:
        return bool(self.missing_facts or self.vouch_missing or self.open_requests)


def asked_of_sponsor(*, application: Application, today: date) -> AskedOfSponsor:
    from indigo.rules.evaluate import application_evaluate
    from indigo.rules.registry import NoRuleSet

    running = application.status in ACTIVE
    missing: list[str] = []
    if running:
        try:
            findings = application_evaluate(application=application)
        except NoRuleSet:
            findings = []
        stated = STATED_FACTS.get(application.product.code, ())
        for finding in findings:
            if finding.outcome is Outcome.MISSING:
                missing += [n for n in finding.missing if n in stated and n not in missing]
    requests = list(
        application.information_requests.filter(
            answered_at__isnull=True, expired_on__isnull=True
        ).order_by("until")
    )
    return AskedOfSponsor(
        missing_facts=[FACT_NAMES[n] for n in missing],
        vouch_missing=(
            running
            and application.sponsorship.sponsor.is_recognised_on(today)
            and not is_vouched(application)
        ),
        open_requests=requests,
    )


def sponsor_facts_of(*, application: Application) -> list[Fact]:
    """The newest fact per name that the sponsor stated, in vocabulary order."""
    latest: dict[str, Fact] = {}
    for fact in Fact.objects.filter(application=application, source=Fact.Source.SPONSOR).order_by(
        "name", "-recorded_at", "-id"
    ):
        latest.setdefault(fact.name, fact)
    order = {name: i for i, name in enumerate(FACT_NAMES)}
    return sorted(latest.values(), key=lambda f: order.get(f.name, len(order)))


def change_reports_of(*, application: Application) -> QuerySet[ChangeReport]:
    return application.sponsor_change_reports.select_related("reported_by").order_by(
        "-reported_at", "-id"
    )


def vouched_ids(*, application_ids: list[int]) -> set[int]:
    """Of these applications, those the sponsor vouched for (one query)."""
    return _vouched_ids(application_ids)


def sponsor_chosen(*, user, kvk_number: str = "") -> Sponsor:
    """The organisation a sponsor user acts for: the one given by its KvK number, or
    the only one they work for. InvalidInput (field `sponsor`) otherwise."""
    sponsors = sponsors_of(user=user)
    kvk_number = (kvk_number or "").strip()
    if kvk_number:
        for sponsor in sponsors:
            if sponsor.kvk_number == kvk_number:
                return sponsor
        raise InvalidInput(
            _("You do not work for a sponsor with KvK number %(kvk)s.") % {"kvk": kvk_number},
            field="sponsor",
        )
    if len(sponsors) == 1:
        return sponsors[0]
    raise InvalidInput(_("Choose the organisation you act for (its KvK number)."), field="sponsor")
