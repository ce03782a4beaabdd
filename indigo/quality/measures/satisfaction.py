"""The seed's three goals: satisfied customer, satisfied employee, satisfied principal.

The principal's timeliness is `on_time_share` (core); its cost here is the output per
staff week. Pulse figures are shown only for groups of at least `MIN_PULSES` answers,
so no one's answer can be read from them.
"""

from collections import defaultdict

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext_lazy as _

from indigo.organisation.models import Membership
from indigo.organisation.services import QUEUE_WORKER_ROLES
from indigo.quality.measures.base import (
    DIMENSIONS,
    Measure,
    MeasureProvider,
    MeasureQuery,
    bucket_of,
)
from indigo.quality.measures.core import facts_filtered
from indigo.quality.models import StaffPulse, Survey

MIN_PULSES = 5
_WORKERS = [role.value for role in QUEUE_WORKER_ROLES]


class SatisfactionMeasures(MeasureProvider):
    measures = (
        Measure(
            "customer_satisfaction",
            _("Customer satisfaction"),
            _("Mean score (1 to 5) of the surveys after a decision answered in the period."),
            "score",
        ),
        Measure(
            "customer_surveys_answered",
            _("Surveys answered"),
            _("Surveys after a decision answered in the period."),
            "count",
        ),
        Measure(
            "employee_satisfaction",
            _("Employee satisfaction"),
            _(
                "Mean score (1 to 5) of the staff pulse in the period; shown only with at "
                "least 5 answers."
            ),
            "score",
        ),
        Measure(
            "employee_pulses_answered",
            _("Pulses answered"),
            _("Staff pulse answers in the period."),
            "count",
        ),
        Measure(
            "decisions_per_staff_week",
            _("Decisions per staff week"),
            _(
                "The period's decisions divided by the weeks worked by caseworkers and "
                "specialists (member-days / 7): the principal's cost side."
            ),
            "ratio",
        ),
    )

    def compute(self, query: MeasureQuery) -> dict[str, dict]:
        if query.group_by not in ("", *DIMENSIONS, "week", "month"):
            return {}
        out: dict[str, dict] = defaultdict(dict)
        surveys = Survey.objects.filter(
            answered_on__gte=query.date_from,
            answered_on__lte=query.date_to,
            application_id__in=facts_filtered(query).values("pk"),
        )
        if query.group_by in DIMENSIONS:
            from indigo.quality.models import ApplicationFact

            units = {}
            if query.group_by == "unit":
                units = dict(
                    ApplicationFact.objects.filter(
                        pk__in=surveys.values("application_id")
                    ).values_list("pk", "unit")
                )
            rows = surveys.values("application_id", "score")
            tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            groups = self._dimension_of(query, rows, units)
            for row in rows:
                g = groups.get(row["application_id"], "")
                tally[g][0] += row["score"]
                tally[g][1] += 1
            for g, (total, n) in tally.items():
                out[g]["customer_satisfaction"] = round(total / n, 2)
                out[g]["customer_surveys_answered"] = n
        else:
            expr = self._time(query, "answered_on")
            qs = surveys.annotate(_g=expr).values("_g") if expr is not None else surveys.values()
            rows = (
                qs.annotate(mean=Avg("score"), n=Count("pk")).order_by()
                if expr is not None
                else [surveys.aggregate(mean=Avg("score"), n=Count("pk"))]
            )
            for row in rows:
                g = bucket_of(query, row["_g"]) if expr is not None else ""
                out[g]["customer_satisfaction"] = (
                    round(row["mean"], 2) if row["mean"] is not None else None
                )
                out[g]["customer_surveys_answered"] = row["n"]
        self._pulse(query, out)
        self._cost(query, out)
        for g in out:
            out[g].setdefault("customer_surveys_answered", 0)
        return out

    @staticmethod
    def _time(query, field):
        if query.group_by == "week":
            return TruncWeek(field)
        if query.group_by == "month":
            return TruncMonth(field)
        return None

    @staticmethod
    def _dimension_of(query, rows, units) -> dict[int, str]:
        if query.group_by == "unit":
            return units
        from indigo.quality.models import ApplicationFact

        ids = [row["application_id"] for row in rows]
        return dict(ApplicationFact.objects.filter(pk__in=ids).values_list("pk", query.group_by))

    def _pulse(self, query: MeasureQuery, out: dict) -> None:
        if query.group_by not in ("", "unit", "week", "month"):
            return
        pulses = StaffPulse.objects.filter(week__gte=query.date_from, week__lte=query.date_to)
        if query.unit:
            pulses = pulses.filter(unit=query.unit)
        if query.units_allowed is not None:
            pulses = pulses.filter(unit__in=query.units_allowed)
        expr = F("unit") if query.group_by == "unit" else self._time(query, "week")
        if expr is None:
            rows = [pulses.aggregate(mean=Avg("score"), n=Count("pk"))]
        else:
            rows = pulses.annotate(_g=expr).values("_g").annotate(mean=Avg("score"), n=Count("pk"))
        for row in rows:
            if expr is None:
                g = ""
            elif query.group_by == "unit":
                g = row["_g"] or ""
            else:
                g = bucket_of(query, row["_g"])
            out[g]["employee_pulses_answered"] = row["n"]
            out[g]["employee_satisfaction"] = (
                round(row["mean"], 2) if row["n"] >= MIN_PULSES else None
            )

    def _cost(self, query: MeasureQuery, out: dict) -> None:
        if (
            query.group_by not in ("", "unit")
            or query.product
            or query.customer_group
            or query.channel
        ):
            return
        members = Membership.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=query.date_from),
            valid_from__lte=query.date_to,
            user__groups__name__in=_WORKERS,
        )
        if query.unit:
            members = members.filter(unit__code=query.unit)
        if query.units_allowed is not None:
            members = members.filter(unit__code__in=query.units_allowed)
        days: dict[str, int] = defaultdict(int)
        rows = members.values_list("pk", "unit__code", "valid_from", "valid_to").distinct()
        for _pk, unit, valid_from, valid_to in rows:
            first = max(valid_from, query.date_from)
            last = min(valid_to or query.date_to, query.date_to)
            days[unit if query.group_by == "unit" else ""] += max(0, (last - first).days + 1)
        decided = facts_filtered(query).filter(
            decided_on__gte=query.date_from, decided_on__lte=query.date_to
        )
        if query.group_by == "unit":
            counts = dict(
                decided.values_list("unit").annotate(n=Count("pk")).values_list("unit", "n")
            )
        else:
            counts = {"": decided.count()}
        for g, d in days.items():
            if d:
                out[g]["decisions_per_staff_week"] = round(counts.get(g, 0) / (d / 7), 2)
