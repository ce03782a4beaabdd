"""The personal forecast's accuracy, as a quality measure (named in INDIGO_MEASURE_PROVIDERS)."""

from collections import defaultdict
from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from indigo.planning.models import ForecastSnapshot
from indigo.quality.measures.base import (
    DIMENSIONS,
    Measure,
    MeasureProvider,
    MeasureQuery,
    bucket_of,
    share,
)
from indigo.quality.measures.core import facts_filtered

LEAD_DAYS = 7


class ForecastAccuracy(MeasureProvider):
    measures = (
        Measure(
            "forecast_accuracy_share",
            _("Personal forecast right"),
            _(
                "Share of the period's decisions that fell within the range the applicant was "
                "last shown at least a week before (of decisions with such a forecast)."
            ),
            "share",
        ),
        Measure(
            "forecasts_checked",
            _("Personal forecasts checked"),
            _("Decisions of the period with a forecast shown at least a week before."),
            "count",
        ),
    )

    def compute(self, query: MeasureQuery) -> dict[str, dict]:
        if query.group_by not in ("", *DIMENSIONS, "week", "month"):
            return {}
        decided = facts_filtered(query).filter(
            decided_on__gte=query.date_from, decided_on__lte=query.date_to
        )
        columns = ["application_id", "decided_on"] + (
            [query.group_by] if query.group_by in DIMENSIONS else []
        )
        snapshots = ForecastSnapshot.objects.filter(application_id__in=decided.values("pk"))
        with_forecast = set(snapshots.values_list("application_id", flat=True))
        facts = {
            row["application_id"]: row
            for row in decided.filter(pk__in=with_forecast).values(*columns)
        }
        latest: dict[int, ForecastSnapshot] = {}
        for snap in snapshots.order_by("made_on").iterator():
            fact = facts.get(snap.application_id)
            if fact and snap.made_on <= fact["decided_on"] - timedelta(days=LEAD_DAYS):
                latest[snap.application_id] = snap
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for pk, snap in latest.items():
            fact = facts[pk]
            if query.group_by in DIMENSIONS:
                group = fact[query.group_by] or ""
            elif query.group_by:
                group = bucket_of(query, fact["decided_on"])
            else:
                group = ""
            tally[group][1] += 1
            tally[group][0] += snap.low <= fact["decided_on"] <= snap.high
        out = {
            g: {"forecast_accuracy_share": share(r, n), "forecasts_checked": n}
            for g, (r, n) in tally.items()
        }
        if not query.group_by:
            out.setdefault("", {"forecast_accuracy_share": None, "forecasts_checked": 0})
        return out
