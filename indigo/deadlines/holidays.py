"""Generally recognised public holidays (algemeen erkende feestdagen), Atw art. 3.

Art. 3 lid 1 of the Algemene termijnenwet (Atw) names New Year's Day, Easter Monday,
Ascension Day, Whit Monday, Christmas Day and Boxing Day, the day the King's birthday
is celebrated (King's Day, Koningsdag) and 5 May (Liberation Day, every year). Lid 2
adds Good Friday. Lid 3 lets a Royal Decree (KB) equate further days with these
(gelijkgestelde dagen, usually the Friday after Ascension Day and other bridge days);
those are data in ``data/atw_equated_days.yaml``, each with its source.

Limits: King's Day is computed as celebrated since 2014 (27 April, Saturday 26 April
when that is a Sunday); the earlier Queen's Day (Koninginnedag) is not modelled.
Equated days exist only for the decrees in the data file (2023-2028 so far); for other
years this returns the art. 3 lid 1-2 days alone.
"""

import functools
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType

import yaml
from dateutil.easter import easter

EQUATED_DAYS_FILE = Path(__file__).resolve().parent / "data" / "atw_equated_days.yaml"

SATURDAY, SUNDAY = 5, 6


@functools.cache
def equated_days() -> Mapping[date, str]:
    """Days equated with public holidays by Royal Decree (Atw art. 3 lid 3) -> source."""
    entries = yaml.safe_load(EQUATED_DAYS_FILE.read_text(encoding="utf-8"))["equated_days"]
    days: dict[date, str] = {}
    for entry in entries:
        day = entry["date"]
        if not isinstance(day, date):
            day = date.fromisoformat(str(day))
        source = str(entry.get("source") or "").strip()
        if not source:
            raise ValueError(f"{EQUATED_DAYS_FILE.name}: equated day {day} has no source")
        if day in days:
            raise ValueError(f"{EQUATED_DAYS_FILE.name}: equated day {day} is listed twice")
        days[day] = source
    return MappingProxyType(days)


def kings_day(year: int) -> date:
    """King's Day: 27 April, or Saturday 26 April when 27 April is a Sunday."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == SUNDAY else day


@functools.cache
def atw_holidays(year: int) -> frozenset[date]:
    """All generally recognised public holidays of ``year`` under Atw art. 3 lid 1-3."""
    easter_sunday = easter(year)
    statutory = {
        date(year, 1, 1),  # New Year's Day (Nieuwjaarsdag)
        easter_sunday - timedelta(days=2),  # Good Friday (Goede Vrijdag), lid 2
        easter_sunday + timedelta(days=1),  # Easter Monday (tweede paasdag)
        kings_day(year),  # King's Day (Koningsdag)
        date(year, 5, 5),  # Liberation Day (5 mei)
        easter_sunday + timedelta(days=39),  # Ascension Day (Hemelvaartsdag)
        easter_sunday + timedelta(days=50),  # Whit Monday (tweede pinksterdag)
        date(year, 12, 25),  # Christmas Day (eerste kerstdag)
        date(year, 12, 26),  # Boxing Day (tweede kerstdag)
    }
    equated = {day for day in equated_days() if day.year == year}
    return frozenset(statutory | equated)


def is_atw_holiday(d: date) -> bool:
    """Whether ``d`` is a generally recognised public holiday (Atw art. 3)."""
    return d in atw_holidays(d.year)


def is_working_day(d: date) -> bool:
    """Whether ``d`` is neither a Saturday, a Sunday nor an Atw holiday (Atw art. 1)."""
    return d.weekday() not in (SATURDAY, SUNDAY) and not is_atw_holiday(d)
