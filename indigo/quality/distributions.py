"""Distributions for the dashboards: throughput times and the stock by age.

Both group in the database (one row per distinct number of days or per product and
receipt day) and bucket in Python, so their cost does not grow with the stock.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from indigo.quality.measures.base import MeasureQuery
from indigo.quality.measures.core import facts_filtered, open_on


@dataclass(frozen=True)
class Band:
    label: str
    low: int
    high: int | None  # inclusive; None: open-ended


THROUGHPUT_BANDS = (
    Band(_("up to 4 weeks"), 0, 28),
    Band(_("4 to 8 weeks"), 29, 56),
    Band(_("8 to 13 weeks"), 57, 91),
    Band(_("13 to 26 weeks"), 92, 182),
    Band(_("over 26 weeks"), 183, None),
)
AGE_BANDS = (
    Band(_("0 to 30 days"), 0, 30),
    Band(_("31 to 90 days"), 31, 90),
    Band(_("91 to 180 days"), 91, 180),
    Band(_("over 180 days"), 181, None),
)


def _band(bands, days: int) -> int:
    for i, band in enumerate(bands):
        if days >= band.low and (band.high is None or days <= band.high):
            return i
    return 0


def throughput_distribution(query: MeasureQuery) -> list[tuple[Band, int]]:
    """Decisions of the period by their throughput time."""
    counts = [0] * len(THROUGHPUT_BANDS)
    rows = (
        facts_filtered(query)
        .filter(decided_on__gte=query.date_from, decided_on__lte=query.date_to)
        .values("throughput_days")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[_band(THROUGHPUT_BANDS, row["throughput_days"])] += row["n"]
    return list(zip(THROUGHPUT_BANDS, counts, strict=True))


def stock_by_age(query: MeasureQuery) -> dict[str, list[int]]:
    """{product: counts per age band} of the stock at the end of the period."""
    on = query.date_to
    rows = open_on(query, on).values("product", "received_on").annotate(n=Count("pk")).order_by()
    out: dict[str, list[int]] = defaultdict(lambda: [0] * len(AGE_BANDS))
    for row in rows:
        out[row["product"]][_band(AGE_BANDS, (on - row["received_on"]).days)] += row["n"]
    return dict(sorted(out.items()))
