"""The one clock of Indigo.

Every read of "now" or "today" goes through here, so that tests (time-machine) and
back-dated paper records stand on any date. Dates are local to the agency
(settings.TIME_ZONE, Europe/Amsterdam): a legal period ends at the end of a Dutch day.
"""

from datetime import date, datetime, time

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate(now())


def at_noon(day: date) -> datetime:
    """A moment on `day` in the agency's time zone, for facts known only by their date."""
    return timezone.make_aware(datetime.combine(day, time(12, 0)))
