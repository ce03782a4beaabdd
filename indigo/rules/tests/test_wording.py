"""Amounts, dates and ages as people read them (property tests for money and dates)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indigo.rules.context import age_on
from indigo.rules.vocabulary import Kind, value_clean
from indigo.rules.wording import day_en, day_nl, euro_en, euro_nl


@pytest.mark.parametrize(
    ("amount", "en", "nl"),
    [
        ("5942", "€5,942", "€ 5.942"),
        ("2069.40", "€2,069.40", "€ 2.069,40"),
        ("0.05", "€0.05", "€ 0,05"),
        ("1234567.89", "€1,234,567.89", "€ 1.234.567,89"),
    ],
)
def test_amounts_are_written_the_english_and_the_dutch_way(amount, en, nl):
    assert (euro_en(Decimal(amount)), euro_nl(Decimal(amount))) == (en, nl)


def test_dates_are_written_with_the_month_in_words():
    assert (day_en(date(2026, 3, 1)), day_nl(date(2026, 3, 1))) == ("1 March 2026", "1 maart 2026")


@given(st.decimals(min_value=0, max_value=9_999_999, places=2, allow_nan=False))
def test_a_stored_amount_is_exactly_the_amount_given(amount):
    assert Decimal(value_clean(Kind.MONEY, str(amount))) == amount


@given(st.dates(min_value=date(1920, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 80))
def test_a_person_is_n_on_their_nth_birthday_and_n_minus_1_the_day_before(born, years):
    try:
        birthday = born.replace(year=born.year + years)
    except ValueError:  # 29 February in a year without one
        return
    assert age_on(born, birthday) == years
    if years:
        assert age_on(born, birthday - timedelta(days=1)) == years - 1
