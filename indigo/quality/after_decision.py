"""Counts after the decision for the quality measures (R14, Condor): complaints,
objections, appeals and penalties for late decisions, for a period. One function
other apps (the managers' pages, a report, the API) call; a few grouped queries."""

from datetime import date

from django.db.models import Count, F, Q

from indigo.appeals.models import Appeal
from indigo.complaints.selectors import complaint_counts
from indigo.objections.models import Objection
from indigo.penalties.models import CourtPenalty, NoticeOfDefault
from indigo.penalties.selectors import penalty_exposure


def after_decision_counts(*, start: date, end: date) -> dict:
    """What was lodged in [start, end] (inclusive) and how it went."""
    objections = Objection.objects.filter(lodged_on__gte=start, lodged_on__lte=end)
    appeals = Appeal.objects.filter(lodged_on__gte=start, lodged_on__lte=end)
    notices = NoticeOfDefault.objects.filter(received_on__gte=start, received_on__lte=end)
    exposure = penalty_exposure(on=end, since=start)["total"]
    return {
        "complaints": complaint_counts(start=start, end=end),
        "objections": {
            **objections.aggregate(
                lodged=Count("pk"),
                late=Count("pk", filter=Q(late=True)),
                decided=Count("pk", filter=~Q(outcome="")),
                decided_in_time=Count(
                    "pk", filter=~Q(outcome="") & Q(decided_on__lte=F("decision_due"))
                ),
                heard=Count("pk", filter=Q(hearing_held_on__isnull=False)),
            ),
            "per_outcome": _per(objections.exclude(outcome=""), "outcome"),
        },
        "appeals": {
            **appeals.aggregate(
                lodged=Count("pk"),
                higher=Count("pk", filter=Q(level=Appeal.Level.HIGHER_APPEAL)),
                provisional_measures=Count("pk", filter=Q(measure_requested_on__isnull=False)),
                new_decision_ordered=Count("pk", filter=Q(new_decision_by__isnull=False)),
            ),
            "per_outcome": _per(appeals.exclude(outcome=""), "outcome"),
        },
        "penalties": {
            **notices.aggregate(
                notices=Count("pk"), premature=Count("pk", filter=Q(premature=True))
            ),
            "court_penalties": CourtPenalty.objects.filter(
                judgment_on__gte=start, judgment_on__lte=end
            ).count(),
            "accrued_eur": exposure.accrued,
            "at_stake_eur": exposure.at_stake,
        },
    }


def _per(qs, field: str) -> dict[str, int]:
    return dict(qs.values_list(field).annotate(n=Count("pk")).order_by())
