"""Chain figures: how the exchange with partner agencies goes, for managers.

Per partner: how many questions were asked, how long the answer took (request to
answer: median and mean), how many are still waiting, and how many attempts failed
(down, time-out, answer out of schema). Per product: the share of facts that came
from a partner rather than from the applicant, the sponsor or the caseworker. Counted
over the questions asked and facts recorded since a day (default: 90 days back).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import mean, median

from django.db.models import Count, Q

from indigo import clock
from indigo.partners.adapters import adapter_for
from indigo.partners.models import PartnerAttempt, PartnerCall
from indigo.rules.models import Fact

DEFAULT_DAYS = 90


@dataclass(frozen=True)
class PartnerFigures:
    partner: str
    label: str
    asked: int
    answered: int
    waiting: int
    attempts: int
    failures: int
    median_seconds: float | None
    mean_seconds: float | None

    @property
    def failure_share(self) -> float:
        return self.failures / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class ProductFigures:
    product: str
    facts: int
    from_partners: int

    @property
    def partner_share(self) -> float:
        return self.from_partners / self.facts if self.facts else 0.0


def _since(since: date | None):
    day = since or clock.today() - timedelta(days=DEFAULT_DAYS)
    return clock.at_noon(day).replace(hour=0)


def _label(partner: str) -> str:
    try:
        return adapter_for(partner).label
    except LookupError:
        return partner


def partner_figures(*, since: date | None = None) -> list[PartnerFigures]:
    start = _since(since)
    calls = PartnerCall.objects.filter(requested_at__gte=start)
    counts = {
        row["partner"]: row
        for row in calls.values("partner").annotate(
            asked=Count("id"),
            answered=Count("id", filter=Q(state=PartnerCall.State.ANSWERED)),
            waiting=Count("id", filter=Q(state=PartnerCall.State.WAITING)),
        )
    }
    tries = {
        row["partner"]: row
        for row in PartnerAttempt.objects.filter(call__requested_at__gte=start)
        .values("partner")
        .annotate(
            attempts=Count("id"),
            failures=Count("id", filter=~Q(outcome=PartnerAttempt.Outcome.ANSWERED)),
        )
    }
    waits: dict[str, list[float]] = {}
    answered = calls.filter(answered_at__isnull=False).values_list(
        "partner", "requested_at", "answered_at"
    )
    for partner, asked_at, answered_at in answered.iterator():
        waits.setdefault(partner, []).append((answered_at - asked_at).total_seconds())
    figures = []
    for partner in sorted(counts):
        row, tried, seconds = counts[partner], tries.get(partner, {}), waits.get(partner, [])
        figures.append(
            PartnerFigures(
                partner=partner,
                label=_label(partner),
                asked=row["asked"],
                answered=row["answered"],
                waiting=row["waiting"],
                attempts=tried.get("attempts", 0),
                failures=tried.get("failures", 0),
                median_seconds=median(seconds) if seconds else None,
                mean_seconds=mean(seconds) if seconds else None,
            )
        )
    return figures


def product_figures(*, since: date | None = None) -> list[ProductFigures]:
    rows = (
        Fact.objects.filter(recorded_at__gte=_since(since))
        .values("application__product__code")
        .annotate(
            facts=Count("id"), from_partners=Count("id", filter=Q(source=Fact.Source.PARTNER))
        )
        .order_by("application__product__code")
    )
    return [
        ProductFigures(
            product=row["application__product__code"],
            facts=row["facts"],
            from_partners=row["from_partners"],
        )
        for row in rows
    ]
