"""Replaying the demo's history on the days it happened.

The demo makes fourteen months of history in a few seconds. Each step goes through
the real services with `on=` (the day it happened, checked by the services: never in
the future, never before the application's previous step). What the services record
as the moment of writing (an event's `occurred_at`, a task's `assigned_at` and
`completed_at`) comes from `indigo.clock`; left alone, all of it would be the moment
of loading, and a manager's "tasks completed per week" would show the whole history
in the current week. So while the demo replays a step, Indigo's clock reads that day
(08:00 local time, a second later for each step on the same day, so the recorded
order is the order of the steps), exactly as if Indigo had been in use then.

Only for the demo load, in the loading thread, and undone after each step. Steps of
today run on the real clock.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from indigo import clock

START_OF_DAY = time(8, 0)


class Replay:
    def __init__(self, *, today: date):
        self.today = today
        self._steps: dict[date, int] = defaultdict(int)

    @contextmanager
    def on(self, day: date) -> Iterator[None]:
        """Indigo's clock reads `day` inside the block (the real clock when it is today)."""
        if day > self.today:
            raise ValueError(f"The demo cannot replay a day in the future: {day}.")
        if day == self.today:
            yield
            return
        self._steps[day] += 1
        moment = timezone.make_aware(datetime.combine(day, START_OF_DAY)) + timedelta(
            seconds=self._steps[day]
        )
        real_now = clock.now
        clock.now = lambda: moment
        try:
            yield
        finally:
            clock.now = real_now
