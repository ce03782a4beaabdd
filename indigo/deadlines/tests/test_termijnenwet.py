from datetime import date

import pytest

from indigo.deadlines.termijnenwet import apply_atw, next_working_day


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def test_a_period_ending_on_a_working_day_keeps_its_end():
    assert apply_atw(d("2026-03-02"), d("2026-06-02")) == d("2026-06-02")


def test_a_period_ending_on_a_sunday_moves_to_monday():
    assert apply_atw(d("2026-03-02"), d("2026-05-31")) == d("2026-06-01")


def test_a_period_ending_on_kings_day_moves_to_the_next_day():
    assert apply_atw(d("2026-01-27"), d("2026-04-27")) == d("2026-04-28")


def test_a_period_ending_on_ascension_skips_the_equated_friday_and_the_weekend():
    assert apply_atw(d("2025-02-28"), d("2025-05-29")) == d("2025-06-02")


def test_a_three_day_period_is_extended_to_hold_two_working_days():
    # 25, 26 Dec holidays, 27 Sat; art. 1 gives Mon 29 Dec, art. 2 needs a second day.
    assert apply_atw(d("2025-12-24"), d("2025-12-27")) == d("2025-12-30")


def test_a_two_day_period_is_not_extended_under_article_2():
    assert apply_atw(d("2025-12-24"), d("2025-12-26")) == d("2025-12-29")


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="before it starts"):
        apply_atw(d("2026-03-02"), d("2026-03-01"))


def test_the_next_working_day_of_a_working_day_is_itself():
    assert next_working_day(d("2026-03-03")) == d("2026-03-03")


def test_the_next_working_day_after_new_year_2026_skips_the_equated_friday():
    assert next_working_day(d("2026-01-01")) == d("2026-01-05")
