"""The personal forecast: when a decision is most likely, from the queue and its output.

For an application still waiting for its decision:

- *its queue*: the open applications of the same product, and of the same unit once a
  caseworker of a unit owns it (the application facts of `indigo.quality`);
- *its place*: the open applications of that queue received before it (first come,
  first served; the same day by registration order);
- *the queue's recent output*: decisions per week over the last 8 complete weeks;
- the range: the applications ahead and this one, divided by a fast week (the 75th
  percentile of those weeks) for the low date and by a slow week (the 25th
  percentile, at least half the mean) for the high date.

No forecast without output in those weeks (say so rather than guess), and none once
decided. It is a forecast, not a promise: the legal decision date stays beside it.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indigo.cases.models import Application, Status
from indigo.planning.models import ForecastSnapshot
from indigo.quality.models import ApplicationFact

WEEKS = 8
WAITING = {Status.RECEIVED, Status.INTAKE, Status.ASSESSMENT, Status.SUSPENDED, Status.DECISION}


@dataclass(frozen=True)
class Forecast:
    low: date
    high: date
    position: int
    per_week: float
    words: str

    def as_json(self) -> dict:
        return {
            "low": self.low.isoformat(),
            "high": self.high.isoformat(),
            "position": self.position,
            "per_week": round(self.per_week, 1),
            "text": self.words,
        }


def forecast_for(application: Application, *, today: date, record: bool = True) -> Forecast | None:
    if application.status not in WAITING:
        return None
    fact = ApplicationFact.objects.filter(pk=application.pk).only("unit").first()
    queue = ApplicationFact.objects.filter(product=application.product.code)
    if fact is not None and fact.unit:
        queue = queue.filter(unit=fact.unit)
    ahead = (
        queue.filter(ended_on__isnull=True)
        .filter(
            Q(received_on__lt=application.received_on)
            | Q(received_on=application.received_on, pk__lt=application.pk)
        )
        .exclude(pk=application.pk)
        .count()
    )
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=WEEKS)
    counts = [0] * WEEKS
    rows = (
        queue.filter(decided_on__gte=start, decided_on__lt=monday)
        .values("decided_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[(row["decided_on"] - start).days // 7] += row["n"]
    mean = sum(counts) / WEEKS
    if mean <= 0:
        return None
    ordered = sorted(counts)
    fast = max(ordered[math.ceil(0.75 * WEEKS) - 1], mean)
    slow = max(ordered[math.ceil(0.25 * WEEKS) - 1], mean / 2)
    weeks_low = (ahead + 1) / fast
    weeks_high = (ahead + 1) / slow
    forecast = Forecast(
        low=today + timedelta(days=math.ceil(weeks_low * 7)),
        high=today + timedelta(days=math.ceil(weeks_high * 7)),
        position=ahead,
        per_week=mean,
        words=forecast_words(weeks_low, weeks_high),
    )
    if record:
        _record(application, today, forecast)
    return forecast


def forecast_words(weeks_low: float, weeks_high: float) -> str:
    """ "most likely between 3 and 5 weeks", in plain words."""
    low = max(1, round(weeks_low))
    high = max(low, math.ceil(weeks_high))
    if high <= 1:
        return _("most likely within a week")
    if low == high:
        return ngettext(
            "most likely in about %(n)d week", "most likely in about %(n)d weeks", high
        ) % {"n": high}
    return _("most likely between %(low)d and %(high)d weeks") % {"low": low, "high": high}


def _record(application: Application, today: date, forecast: Forecast) -> None:
    if ForecastSnapshot.objects.filter(application=application, made_on=today).exists():
        return
    try:
        with transaction.atomic():
            ForecastSnapshot.objects.create(
                application=application,
                made_on=today,
                low=forecast.low,
                high=forecast.high,
                position=forecast.position,
                per_week=forecast.per_week,
            )
    except IntegrityError:  # another request recorded today's forecast first
        pass
