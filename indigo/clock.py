"""The one clock of Indigo.

Every read of "now" or "today" goes through here, so that tests (time-machine) and
back-dated paper records stand on any date. Dates are local to the agency
(settings.TIME_ZONE, Europe/Amsterdam): a legal period ends at the end of a Dutch day.
"""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate(now())
