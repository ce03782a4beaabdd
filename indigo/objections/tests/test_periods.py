"""The period to decide on an objection (Awb 7:10) and to answer a complaint (Awb 9:11):
worked examples and properties."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from indigo.complaints.periods import answer_due
from indigo.deadlines.holidays import is_working_day
from indigo.objections.periods import objection_decision_due, periods_on

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


def test_the_shipped_periods_are_six_twelve_and_six_weeks_with_their_source():
    rules = periods_on(date(2026, 3, 2))

    assert (rules.decide_weeks, rules.decide_weeks_committee, rules.adjournment_weeks) == (6, 12, 6)
    assert "7:10" in rules.source


def test_an_end_on_a_holiday_moves_to_the_next_working_day():
    # 30 March 2026 + 6 weeks = 11 May (a Monday); from 2 April it would be 14 May,
    # Ascension Day, and 15 May is an equated day: the period ends on Monday 18 May.
    assert objection_decision_due(
        objection_period_ends=date(2026, 3, 30), committee=False, adjourned=False
    ) == date(2026, 5, 11)
    assert objection_decision_due(
        objection_period_ends=date(2026, 4, 2), committee=False, adjourned=False
    ) == date(2026, 5, 18)


@given(ends=days, committee=st.booleans(), adjourned=st.booleans(), extra=st.integers(0, 10))
def test_the_objection_due_date_is_a_working_day_at_or_after_the_weeks_the_law_gives(
    ends, committee, adjourned, extra
):
    due = objection_decision_due(
        objection_period_ends=ends, committee=committee, adjourned=adjourned, extra_weeks=extra
    )
    weeks = (12 if committee else 6) + (6 if adjourned else 0) + extra

    assert is_working_day(due)
    assert ends + timedelta(weeks=weeks) <= due <= ends + timedelta(weeks=weeks, days=7)


@given(received=days, committee=st.booleans(), extended=st.booleans())
def test_the_complaint_answer_date_is_a_working_day_six_or_ten_weeks_plus_four(
    received, committee, extended
):
    due = answer_due(received_on=received, committee=committee, extended=extended)
    weeks = (10 if committee else 6) + (4 if extended else 0)

    assert is_working_day(due)
    assert received + timedelta(weeks=weeks) <= due <= received + timedelta(weeks=weeks, days=7)
