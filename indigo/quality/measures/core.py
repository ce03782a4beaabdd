"""The measures read from the application facts (themselves derived from the events).

Which day places an application in a period depends on the measure: intake by its
receipt, output and everything about decisions by the decision day, objections by the
day one was lodged, stock and its age at the end of the period (or of each week or
month when grouped by time). Percentiles are nearest-rank, in calendar days, from a
histogram the database groups (one row per distinct number of days), so they cost the
same at a hundred applications as at a million.
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext_lazy as _

from indigo.quality.measures.base import (
    DIMENSIONS,
    Measure,
    MeasureProvider,
    MeasureQuery,
    bucket_of,
    percentile,
    share,
)
from indigo.quality.models import ApplicationFact, OpenStock

M = Measure
MEASURES = (
    M("intake", _("Intake"), _("Applications received in the period (day of receipt)."), "count"),
    M(
        "output",
        _("Output"),
        _("Applications decided in the period: the first decision notified to the applicant."),
        "count",
    ),
    M(
        "withdrawn",
        _("Withdrawn"),
        _("Applications withdrawn in the period before a decision."),
        "count",
    ),
    M(
        "stock",
        _("Stock"),
        _(
            "Applications received and neither decided nor withdrawn at the end of the "
            "period (of each week or month when grouped by time)."
        ),
        "count",
    ),
    M(
        "stock_age_median_days",
        _("Age of the stock (median)"),
        _("Median of the days since receipt of the stock at the end of the period."),
        "days",
    ),
    M(
        "stock_age_p90_days",
        _("Age of the stock (90th percentile)"),
        # xgettext:no-python-format
        _("90% of the stock at the end of the period was received at most this many days ago."),
        "days",
    ),
    M(
        "on_time_share",
        _("Decided within the legal period"),
        _(
            "Share of the period's decisions notified on or before the legal decision date "
            "(after suspension and extension)."
        ),
        "share",
    ),
    M(
        "late_decisions",
        _("Late decisions"),
        _("Decisions in the period notified after the legal decision date."),
        "count",
    ),
    M(
        "within_norm_share",
        _("Decided within the service norm"),
        _(
            "Share of the period's decisions (of customer groups with a norm) notified within "
            "the norm throughput time promised to the customer group."
        ),
        "share",
    ),
    M(
        "throughput_median_days",
        _("Throughput time (median)"),
        _("Median calendar days from receipt to decision of the period's decisions."),
        "days",
    ),
    M(
        "throughput_p90_days",
        _("Throughput time (90th percentile)"),
        # xgettext:no-python-format
        _("90% of the period's decisions took at most this many calendar days."),
        "days",
    ),
    M(
        "first_time_right_share",
        _("First time right"),
        _(
            "Share of the period's decisions made without any request to the applicant and "
            "without a repair period: complete at intake."
        ),
        "share",
    ),
    M(
        "requests_per_application",
        _("Requests per application"),
        _("Requests for information to the applicant per decision of the period."),
        "ratio",
    ),
    M(
        "objections_per_1000_decisions",
        _("Objections per 1,000 decisions"),
        _("Objections lodged in the period per 1,000 decisions of the period."),
        "per-1000",
    ),
)


def facts_filtered(query: MeasureQuery) -> QuerySet[ApplicationFact]:
    qs = ApplicationFact.objects.filter(**query.filters())
    if query.units_allowed is not None:
        qs = qs.filter(unit__in=query.units_allowed)
    return qs


def open_on(query: MeasureQuery, on: date):
    """The applications open at the end of `on`, as rows of (columns..., n).

    Those still open now are read from the `OpenStock` counts (a few thousand rows at a
    million applications); those ended after `on` from the facts (few when `on` is
    recent). Use as `open_on(query, on).values(...).annotate(n=Count("pk")).order_by()`.
    """
    still_open = OpenStock.objects.filter(received_on__lte=on, **query.filters())
    if query.units_allowed is not None:
        still_open = still_open.filter(unit__in=query.units_allowed)
    ended_later = facts_filtered(query).filter(ended_on__gt=on, received_on__lte=on)
    return _Union(still_open, ended_later)


class _Union:
    """values(...).annotate(n=Count) over the union of two querysets, summed in Python."""

    def __init__(self, *parts: QuerySet):
        self.parts = parts
        self._values: tuple = ()

    def values(self, *columns):
        self._values = columns
        return self

    def annotate(self, **aggregates):
        self._aggregates = aggregates
        return self

    def order_by(self):
        totals: dict[tuple, int] = defaultdict(int)
        if not self._values:  # one total
            total = 0
            for part in self.parts:
                aggregate = Sum("n") if part.model is OpenStock else Count("pk")
                total += part.aggregate(n=aggregate)["n"] or 0
            return [{"n": total}]
        for part in self.parts:
            aggregates = {"n": Sum("n")} if part.model is OpenStock else self._aggregates
            rows = part.values(*self._values).annotate(**aggregates).order_by()
            for row in rows:
                totals[tuple(row[c] for c in self._values)] += row["n"]
        return [dict(zip(self._values, key, strict=True)) | {"n": n} for key, n in totals.items()]


def _group(query: MeasureQuery, date_field: str):
    """(queryset annotation, python key function) for the query's grouping."""
    if query.group_by in DIMENSIONS:
        return F(query.group_by), lambda v: v or ""
    if query.group_by == "week":
        return TruncWeek(date_field), lambda v: bucket_of(query, _as_date(v))
    if query.group_by == "month":
        return TruncMonth(date_field), lambda v: bucket_of(query, _as_date(v))
    return None, lambda v: ""


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _grouped(qs: QuerySet, query: MeasureQuery, date_field: str, *extra, **aggregates):
    expr, key = _group(query, date_field)
    if expr is None:
        if extra:
            return [({"_g": ""} | row) for row in qs.values(*extra).annotate(**aggregates)]
        return [{"_g": ""} | qs.aggregate(**aggregates)]
    if query.group_by in ("week", "month"):
        # Group by the day itself (an index-only scan of the date's index) and add the
        # days up to weeks or months here: every aggregate is a count or a sum.
        merged: dict[tuple, dict] = {}
        rows = qs.values(date_field, *extra).annotate(**aggregates).order_by()
        for row in rows:
            bucket = bucket_of(query, row.pop(date_field))
            ident = (bucket, *(row[e] for e in extra))
            into = merged.setdefault(ident, {"_g": bucket, **{e: row[e] for e in extra}})
            for name in aggregates:
                into[name] = (into.get(name) or 0) + (row[name] or 0)
        return list(merged.values())
    rows = qs.annotate(_g=expr).values("_g", *extra).annotate(**aggregates).order_by()
    return [row | {"_g": key(row["_g"])} for row in rows]


class EventMeasures(MeasureProvider):
    measures = MEASURES

    def compute(self, query: MeasureQuery) -> dict[str, dict]:
        if query.group_by not in ("", *DIMENSIONS, "week", "month"):
            return {}
        base = facts_filtered(query)
        period = {"gte": query.date_from, "lte": query.date_to}
        out: dict[str, dict] = defaultdict(dict)

        received = base.filter(received_on__gte=query.date_from, received_on__lte=query.date_to)
        for row in _grouped(received, query, "received_on", n=Count("pk")):
            out[row["_g"]]["intake"] = row["n"] or 0

        withdrawn = base.filter(
            withdrawn_on__gte=query.date_from, withdrawn_on__lte=query.date_to, decided_on=None
        )
        for row in _grouped(withdrawn, query, "withdrawn_on", n=Count("pk")):
            out[row["_g"]]["withdrawn"] = row["n"] or 0

        decided = base.filter(decided_on__gte=period["gte"], decided_on__lte=period["lte"])
        for row in _grouped(
            decided,
            query,
            "decided_on",
            n=Count("pk"),
            n_on_time=Count("pk", filter=Q(on_time=True)),
            n_late=Count("pk", filter=Q(on_time=False)),
            n_known=Count("pk", filter=Q(on_time__isnull=False)),
            n_normed=Count("pk", filter=Q(within_norm__isnull=False)),
            n_in_norm=Count("pk", filter=Q(within_norm=True)),
            n_ftr=Count("pk", filter=Q(first_time_right=True)),
            n_requests=Sum("requests"),
        ):
            g = out[row["_g"]]
            n = row["n"] or 0
            g["output"] = n
            g["on_time_share"] = share(row["n_on_time"], row["n_known"])
            g["late_decisions"] = row["n_late"] or 0
            g["within_norm_share"] = share(row["n_in_norm"], row["n_normed"])
            g["first_time_right_share"] = share(row["n_ftr"], n)
            g["requests_per_application"] = round((row["n_requests"] or 0) / n, 3) if n else None
        histograms: dict[str, dict[int, int]] = defaultdict(dict)
        for row in _grouped(decided, query, "decided_on", "throughput_days", n=Count("pk")):
            histograms[row["_g"]][row["throughput_days"]] = row["n"]
        for g, hist in histograms.items():
            out[g]["throughput_median_days"] = percentile(hist, 0.5)
            out[g]["throughput_p90_days"] = percentile(hist, 0.9)

        objections = base.filter(
            objection_lodged_on__gte=query.date_from, objection_lodged_on__lte=query.date_to
        )
        lodged = {
            row["_g"]: row["n"]
            for row in _grouped(objections, query, "objection_lodged_on", n=Count("pk"))
        }
        for g in set(out) | set(lodged):
            output = out[g].get("output", 0)
            out[g]["objections_per_1000_decisions"] = (
                round(1000 * lodged.get(g, 0) / output, 1) if output else None
            )
        self._stock(base, query, out)
        for g in out:
            for key in ("intake", "output", "withdrawn", "late_decisions", "stock"):
                out[g].setdefault(key, 0)
        return out

    def _stock(self, base: QuerySet, query: MeasureQuery, out: dict) -> None:
        if query.group_by in ("week", "month"):
            self._stock_per_bucket(base, query, out)
            return
        field = query.group_by or None
        self._stock_at(query, query.date_to, out, lambda v: v or "", field)

    @staticmethod
    def _stock_per_bucket(base: QuerySet, query: MeasureQuery, out: dict) -> None:
        """Stock at each bucket's end = the stock before the period + received - ended
        since: a handful of queries for any number of weeks (age for totals only)."""
        start, end = query.date_from, query.date_to
        before = open_on(query, start - timedelta(days=1)).values().annotate(n=Count("pk"))
        level = sum(row["n"] for row in before.order_by())
        change: dict[date, int] = defaultdict(int)
        for field, sign in (("received_on", 1), ("ended_on", -1)):
            rows = (
                base.filter(**{f"{field}__gte": start, f"{field}__lte": end})
                .values(field)
                .annotate(n=Count("pk"))
                .order_by()
            )
            for row in rows:
                change[row[field]] += sign * row["n"]
        days = sorted(change)
        i = 0
        for label, _first, last in query.buckets():
            while i < len(days) and days[i] <= last:
                level += change[days[i]]
                i += 1
            out[label]["stock"] = level

    @staticmethod
    def _stock_at(query: MeasureQuery, on: date, out: dict, key, field: str | None) -> None:
        columns = [c for c in (field, "received_on") if c]
        histograms: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for row in open_on(query, on).values(*columns).annotate(n=Count("pk")).order_by():
            g = key(row.get(field)) if field else key(None)
            histograms[g][(on - row["received_on"]).days] += row["n"]
        for g, hist in histograms.items():
            out[g]["stock"] = sum(hist.values())
            out[g]["stock_age_median_days"] = percentile(hist, 0.5)
            out[g]["stock_age_p90_days"] = percentile(hist, 0.9)
