"""Periods (termijnen) and where they end.

Dutch law counts a period from the day after the event that starts it: an application
received on 1 March with a 90-day decision period (Vw 2000 art. 25) ends on 30 May, and
a 6-month asylum period (Vw 2000 art. 42) from 15 January ends on 15 July. Months are
calendar months; a day that does not exist in the end month falls back to its last day
(31 January + 1 month = 28 or 29 February).

The raw end computed here is before the Algemene termijnenwet; see ``termijnenwet``.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import assert_never

from dateutil.relativedelta import relativedelta


class PeriodUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


@dataclass(frozen=True)
class Period:
    """A length of time in whole days, weeks or months, e.g. ``Period(90, PeriodUnit.DAYS)``."""

    value: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise TypeError(f"a period's value must be an int, not {self.value!r}")
        if self.value < 0:
            raise ValueError(f"a period cannot be negative: {self.value} {self.unit}")
        # Accept "days" from data files and forms, but always hold the enum.
        object.__setattr__(self, "unit", PeriodUnit(self.unit))

    def __str__(self) -> str:
        unit = str(self.unit)
        return f"{self.value} {unit[:-1] if self.value == 1 else unit}"


def add_period(start: date, period: Period) -> date:
    """Return the last day of ``period`` when it starts running the day after ``start``.

    >>> add_period(date(2026, 3, 1), Period(90, PeriodUnit.DAYS))
    datetime.date(2026, 5, 30)
    >>> add_period(date(2026, 1, 15), Period(6, PeriodUnit.MONTHS))
    datetime.date(2026, 7, 15)
    """
    match period.unit:
        case PeriodUnit.DAYS:
            return start + timedelta(days=period.value)
        case PeriodUnit.WEEKS:
            return start + timedelta(weeks=period.value)
        case PeriodUnit.MONTHS:
            return start + relativedelta(months=period.value)
        case _:
            assert_never(period.unit)
