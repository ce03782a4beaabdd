from datetime import date

import pytest

from indigo.deadlines.calculator import (
    Suspension,
    deadline_status,
    decision_due,
    suspended_days,
)
from indigo.deadlines.periods import Period, PeriodUnit

NINETY_DAYS = Period(90, PeriodUnit.DAYS)
SIX_MONTHS = Period(6, PeriodUnit.MONTHS)
TWELVE_MONTHS = Period(12, PeriodUnit.MONTHS)
TODAY = date(2026, 3, 20)


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def due(received_on: str, period: Period = NINETY_DAYS, **kwargs) -> date:
    kwargs.setdefault("today", TODAY)
    return decision_due(received_on=d(received_on), period=period, **kwargs)


# Worked examples


def test_ninety_days_ending_on_a_sunday_are_due_on_the_monday():
    assert due("2026-03-02") == d("2026-06-01")


def test_ninety_days_ending_on_kings_day_are_due_the_day_after():
    assert due("2026-01-27") == d("2026-04-28")


def test_ninety_days_ending_on_ascension_2025_are_due_after_the_equated_day_and_weekend():
    assert due("2025-02-28") == d("2025-06-02")


def test_six_months_for_asylum_from_15_january_are_due_on_15_july():
    assert due("2026-01-15", SIX_MONTHS) == d("2026-07-15")


def test_one_month_from_31_january_is_due_at_the_end_of_february_or_after():
    # 28 Feb 2025 is a Friday, so Atw leaves it alone.
    assert due("2025-01-31", Period(1, PeriodUnit.MONTHS)) == d("2025-02-28")


def test_twelve_months_for_naturalisation_ending_on_a_saturday_are_due_on_monday():
    assert due("2025-02-28", TWELVE_MONTHS) == d("2026-03-02")


def test_a_suspension_of_fourteen_days_moves_the_due_date_fourteen_days():
    suspension = Suspension(start=d("2026-03-10"), end=d("2026-03-24"))
    assert due("2026-03-03") == d("2026-06-01")
    assert due("2026-03-03", suspensions=[suspension]) == d("2026-06-15")


def test_a_suspension_is_added_before_the_termijnenwet_applies():
    # 31 May + 14 days = Sunday 14 June, so due on Monday 15 June.
    suspension = Suspension(start=d("2026-03-10"), end=d("2026-03-24"))
    assert due("2026-03-02", suspensions=[suspension]) == d("2026-06-15")


def test_an_extension_of_ninety_days_is_added_on_top_of_the_raw_end():
    # 1 June + 90 days = Sunday 30 August, so due on Monday 31 August.
    assert due("2026-03-03", extension=NINETY_DAYS) == d("2026-08-31")


def test_the_extension_is_added_to_the_raw_end_not_to_the_termijnenwet_end():
    # Raw end Sunday 31 May + 1 day = Monday 1 June; not Monday 1 June + 1 day.
    assert due("2026-03-02", extension=Period(1, PeriodUnit.DAYS)) == d("2026-06-01")


# Suspensions


def test_suspended_days_run_from_start_to_the_exclusive_end():
    assert Suspension(start=d("2026-03-10"), end=d("2026-03-24")).days(today=TODAY) == 14


def test_an_open_suspension_counts_until_today():
    assert Suspension(start=d("2026-03-10"), end=None).days(today=d("2026-03-20")) == 10


def test_an_open_suspension_counts_until_its_planned_end_while_that_is_ahead():
    suspension = Suspension(start=d("2026-03-10"), end=None, planned_end=d("2026-03-24"))
    assert suspension.days(today=d("2026-03-20")) == 14


def test_an_open_suspension_past_its_planned_end_counts_until_today():
    suspension = Suspension(start=d("2026-03-10"), end=None, planned_end=d("2026-03-24"))
    assert suspension.days(today=d("2026-04-01")) == 22


def test_an_open_suspension_starting_after_today_counts_no_days():
    assert Suspension(start=d("2026-03-25"), end=None).days(today=d("2026-03-20")) == 0


def test_overlapping_suspensions_count_each_day_once():
    suspensions = [
        Suspension(start=d("2026-03-10"), end=d("2026-03-24")),
        Suspension(start=d("2026-03-20"), end=d("2026-03-31")),
    ]
    assert suspended_days(suspensions, today=TODAY) == 21


def test_adjacent_suspensions_add_up():
    suspensions = [
        Suspension(start=d("2026-03-10"), end=d("2026-03-17")),
        Suspension(start=d("2026-03-17"), end=d("2026-03-24")),
    ]
    assert suspended_days(suspensions, today=TODAY) == 14


def test_a_suspension_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError, match=r"cannot end \(2026-03-09\) before it starts"):
        Suspension(start=d("2026-03-10"), end=d("2026-03-09"))


def test_a_suspension_planned_to_end_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="planned to end"):
        Suspension(start=d("2026-03-10"), end=None, planned_end=d("2026-03-09"))


def test_a_suspension_starting_before_the_application_was_received_is_refused():
    suspension = Suspension(start=d("2026-03-01"), end=d("2026-03-10"))
    with pytest.raises(ValueError, match="before the application was received"):
        due("2026-03-02", suspensions=[suspension])


# Status


def test_the_status_counts_the_days_left_until_the_due_date():
    status = deadline_status(received_on=d("2026-03-02"), period=NINETY_DAYS, today=TODAY)
    assert status.due == d("2026-06-01")
    assert status.days_left == 73
    assert not status.passed


def test_a_passed_deadline_has_negative_days_left():
    status = deadline_status(received_on=d("2026-03-02"), period=NINETY_DAYS, today=d("2026-06-03"))
    assert status.days_left == -2
    assert status.passed


def test_the_deadline_is_not_passed_on_the_due_date_itself():
    status = deadline_status(received_on=d("2026-03-02"), period=NINETY_DAYS, today=d("2026-06-01"))
    assert status.days_left == 0
    assert not status.passed


def test_an_open_suspension_makes_the_status_suspended():
    suspension = Suspension(start=d("2026-03-10"), end=None)
    status = deadline_status(
        received_on=d("2026-03-02"), period=NINETY_DAYS, suspensions=[suspension], today=TODAY
    )
    assert status.suspended


def test_today_inside_a_closed_suspension_makes_the_status_suspended():
    suspension = Suspension(start=d("2026-03-10"), end=d("2026-03-24"))
    status = deadline_status(
        received_on=d("2026-03-02"), period=NINETY_DAYS, suspensions=[suspension], today=TODAY
    )
    assert status.suspended


def test_today_on_a_closed_suspensions_end_is_no_longer_suspended():
    suspension = Suspension(start=d("2026-03-10"), end=d("2026-03-24"))
    status = deadline_status(
        received_on=d("2026-03-02"),
        period=NINETY_DAYS,
        suspensions=[suspension],
        today=d("2026-03-24"),
    )
    assert not status.suspended


def test_an_extension_makes_the_status_extended():
    status = deadline_status(
        received_on=d("2026-03-02"), period=NINETY_DAYS, extension=NINETY_DAYS, today=TODAY
    )
    assert status.extended
    assert not deadline_status(
        received_on=d("2026-03-02"), period=NINETY_DAYS, today=TODAY
    ).extended
