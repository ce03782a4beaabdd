"""Partner input quality: the municipalities' advice forms (adviesblad)."""

from collections import defaultdict

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext_lazy as _

from indigo.quality.measures.base import Measure, MeasureProvider, MeasureQuery, bucket_of, share
from indigo.quality.models import AdviceForm


class AdviceFormMeasures(MeasureProvider):
    measures = (
        Measure(
            "advice_forms_delivered",
            _("Advice forms delivered"),
            _("Municipalities' advice forms on naturalisation first delivered in the period."),
            "count",
        ),
        Measure(
            "advice_form_complete_share",
            _("Advice forms complete at first delivery"),
            _(
                "Share of the advice forms first delivered in the period that had every part "
                "(identity, residence, integration, public order, renunciation, fee, advice)."
            ),
            "share",
        ),
    )

    def compute(self, query: MeasureQuery) -> dict[str, dict]:
        qs = AdviceForm.objects.filter(
            first=True, delivered_on__gte=query.date_from, delivered_on__lte=query.date_to
        )
        # Filter through the application's facts (product, unit, …) when asked.
        for dim, value in query.filters().items():
            if dim == "unit":
                qs = qs.filter(application_id__in=_unit_apps([value]))
            else:
                qs = qs.filter(**{f"application__{_path(dim)}": value})
        if query.units_allowed is not None:
            qs = qs.filter(application_id__in=_unit_apps(query.units_allowed))
        if query.group_by == "municipality":
            expr, key = F("municipality_name"), str
        elif query.group_by == "week":
            expr, key = TruncWeek("delivered_on"), lambda v: bucket_of(query, v)
        elif query.group_by == "month":
            expr, key = TruncMonth("delivered_on"), lambda v: bucket_of(query, v)
        elif query.group_by in ("product", "channel"):
            expr, key = F(f"application__{_path(query.group_by)}"), str
        elif query.group_by:
            return {}
        else:
            expr, key = None, None
        out: dict[str, dict] = defaultdict(dict)
        rows = (
            (qs.annotate(_g=expr).values("_g") if expr is not None else qs.values())
            .annotate(n=Count("pk"), ok=Count("pk", filter=Q(complete=True)))
            .order_by()
        )
        if expr is None:
            rows = [qs.aggregate(n=Count("pk"), ok=Count("pk", filter=Q(complete=True)))]
        for row in rows:
            g = key(row["_g"]) if expr is not None else ""
            out[g] = {
                "advice_forms_delivered": row["n"],
                "advice_form_complete_share": share(row["ok"], row["n"]),
            }
        return out


def _path(dim: str) -> str:
    return {"product": "product__code", "customer_group": "customer_group__code"}.get(dim, dim)


def _unit_apps(units):
    from indigo.quality.models import ApplicationFact

    return ApplicationFact.objects.filter(unit__in=units).values("application_id")
