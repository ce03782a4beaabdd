from datetime import date

from indigo.deadlines.holidays import (
    atw_holidays,
    equated_days,
    is_atw_holiday,
    is_working_day,
    kings_day,
)


def d(iso: str) -> date:
    return date.fromisoformat(iso)


# From the reference notes (ind-facts.md, section 1, `atw_holidays`); * = equated day.
HOLIDAYS_2025 = [
    "2025-01-01", "2025-04-18", "2025-04-21", "2025-04-26", "2025-05-05",
    "2025-05-29", "2025-05-30", "2025-06-09", "2025-12-25", "2025-12-26",
]  # fmt: skip
HOLIDAYS_2026 = [
    "2026-01-01", "2026-01-02", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-05",
    "2026-05-14", "2026-05-15", "2026-05-25", "2026-12-25", "2026-12-26",
]  # fmt: skip


def test_the_holidays_of_2025_are_exactly_those_of_the_reference():
    assert atw_holidays(2025) == frozenset(map(d, HOLIDAYS_2025))


def test_the_holidays_of_2026_are_exactly_those_of_the_reference():
    assert atw_holidays(2026) == frozenset(map(d, HOLIDAYS_2026))


def test_kings_day_on_a_sunday_is_celebrated_on_saturday_26_april():
    assert d("2025-04-27").weekday() == 6
    assert kings_day(2025) == d("2025-04-26")


def test_the_sunday_27_april_is_not_itself_the_holiday_when_kings_day_moved():
    assert d("2025-04-26") in atw_holidays(2025)
    assert d("2025-04-27") not in atw_holidays(2025)


def test_kings_day_on_a_weekday_is_27_april():
    assert kings_day(2026) == d("2026-04-27")


def test_good_friday_is_a_holiday():
    assert is_atw_holiday(d("2026-04-03"))


def test_liberation_day_is_a_holiday_every_year():
    assert all(date(year, 5, 5) in atw_holidays(year) for year in range(2000, 2101))


def test_every_equated_day_cites_a_royal_decree():
    assert all(source.startswith("KB, Stcrt. ") for source in equated_days().values())


def test_the_equated_days_of_both_decrees_are_loaded():
    assert equated_days()[d("2023-04-28")] == "KB, Stcrt. 2022, 7812"
    assert equated_days()[d("2028-05-26")] == "KB, Stcrt. 2025, 24713"
    assert len(equated_days()) == 10


def test_every_equated_day_is_a_friday():
    assert {day.weekday() for day in equated_days()} == {4}


def test_an_equated_day_is_a_holiday():
    assert is_atw_holiday(d("2027-05-07"))


def test_a_year_without_a_decree_has_only_the_statutory_holidays():
    assert len(atw_holidays(2030)) == 9


def test_an_ordinary_tuesday_is_a_working_day():
    assert is_working_day(d("2026-03-03"))


def test_a_saturday_is_not_a_working_day():
    assert not is_working_day(d("2026-03-07"))


def test_a_holiday_on_a_weekday_is_not_a_working_day():
    assert not is_working_day(d("2026-12-25"))
