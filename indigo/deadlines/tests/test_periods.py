from datetime import date

import pytest

from indigo.deadlines.periods import Period, PeriodUnit, add_period

DAYS, WEEKS, MONTHS = PeriodUnit.DAYS, PeriodUnit.WEEKS, PeriodUnit.MONTHS


def test_ninety_days_from_1_march_end_on_30_may():
    assert add_period(date(2026, 3, 1), Period(90, DAYS)) == date(2026, 5, 30)


def test_six_months_from_15_january_end_on_15_july():
    assert add_period(date(2026, 1, 15), Period(6, MONTHS)) == date(2026, 7, 15)


def test_one_month_from_31_january_ends_on_the_last_day_of_february():
    assert add_period(date(2025, 1, 31), Period(1, MONTHS)) == date(2025, 2, 28)


def test_one_month_from_31_january_in_a_leap_year_ends_on_29_february():
    assert add_period(date(2024, 1, 31), Period(1, MONTHS)) == date(2024, 2, 29)


def test_thirteen_weeks_are_ninety_one_days():
    assert add_period(date(2026, 3, 1), Period(13, WEEKS)) == date(2026, 5, 31)


def test_a_period_of_zero_ends_on_its_start():
    assert add_period(date(2026, 3, 1), Period(0, MONTHS)) == date(2026, 3, 1)


def test_a_period_reads_as_its_value_and_unit():
    assert str(Period(90, DAYS)) == "90 days"


def test_a_period_of_one_reads_in_the_singular():
    assert str(Period(1, MONTHS)) == "1 month"


def test_a_period_accepts_its_unit_as_text():
    assert Period(6, "months") == Period(6, MONTHS)


def test_a_negative_period_is_refused():
    with pytest.raises(ValueError, match="negative"):
        Period(-1, DAYS)


def test_a_period_of_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        Period(1, "years")


def test_a_period_of_a_fractional_value_is_refused():
    with pytest.raises(TypeError):
        Period(1.5, DAYS)
