"""The shape of a measure, a query and a provider."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

DIMENSIONS = ("product", "unit", "customer_group", "channel")
PERIODS = ("week", "month")
GROUP_BY = (*DIMENSIONS, *PERIODS, "municipality")
GROUP_LABELS = {
    "product": _("Product"),
    "unit": _("Unit"),
    "customer_group": _("Customer group"),
    "channel": _("Channel"),
    "week": _("Week"),
    "month": _("Month"),
    "municipality": _("Municipality"),
}


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    definition: str
    # "count", "share" (0..1), "days", "per-1000", "score", "ratio", "seconds"
    kind: str = "count"


@dataclass(frozen=True)
class MeasureQuery:
    date_from: date
    date_to: date
    product: str = ""
    unit: str = ""
    customer_group: str = ""
    channel: str = ""
    group_by: str = ""
    units_allowed: tuple[str, ...] | None = field(default=None)

    def filters(self) -> dict[str, str]:
        return {d: getattr(self, d) for d in DIMENSIONS if getattr(self, d)}

    def buckets(self) -> list[tuple[str, date, date]]:
        """The period's weeks (ISO, Monday to Sunday) or months, cut to the query's dates."""
        out = []
        if self.group_by == "week":
            start = self.date_from - timedelta(days=self.date_from.weekday())
            while start <= self.date_to:
                end = start + timedelta(days=6)
                iso = start.isocalendar()
                out.append(
                    (
                        f"{iso.year}-W{iso.week:02d}",
                        max(start, self.date_from),
                        min(end, self.date_to),
                    )
                )
                start = end + timedelta(days=1)
        elif self.group_by == "month":
            start = self.date_from.replace(day=1)
            while start <= self.date_to:
                nxt = (start + timedelta(days=32)).replace(day=1)
                end = nxt - timedelta(days=1)
                out.append((f"{start:%Y-%m}", max(start, self.date_from), min(end, self.date_to)))
                start = nxt
        return out


def bucket_of(query: MeasureQuery, day: date) -> str:
    if query.group_by == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return f"{day:%Y-%m}"


class MeasureProvider:
    """Subclass, list `measures`, implement `compute`.

    `compute(query)` returns {group: {measure key: value}}; the group is "" without a
    grouping. A provider that cannot split by the query's grouping returns {} (its
    measures are then null in the groups) rather than a wrong figure.
    """

    measures: tuple[Measure, ...] = ()

    def compute(self, query: MeasureQuery) -> dict[str, dict[str, float | int | None]]:
        raise NotImplementedError


def share(part: int, whole: int) -> float | None:
    return None if not whole else round(part / whole, 4)


def percentile(histogram: dict[int, int], q: float) -> float | None:
    """The q-th percentile (0..1) of values given as {value: count} (nearest rank)."""
    total = sum(histogram.values())
    if not total:
        return None
    import math

    rank = max(1, math.ceil(q * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None
