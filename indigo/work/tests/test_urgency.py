from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from indigo.work import urgency

DAYS = st.integers(min_value=0, max_value=400)
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


def test_start_by_leaves_the_reserve_and_the_expected_work_before_the_deadline(settings):
    settings.INDIGO_DECISION_RESERVE_DAYS = 7

    assert urgency.start_by(decision_due=date(2026, 6, 1), expected_days=20) == date(2026, 5, 5)


@given(due=DATES, short=DAYS, extra=DAYS)
def test_more_expected_work_never_makes_a_task_less_urgent(due, short, extra):
    assert urgency.start_by(decision_due=due, expected_days=short + extra) <= urgency.start_by(
        decision_due=due, expected_days=short
    )


def test_long_work_with_a_far_deadline_can_come_before_short_work_due_sooner():
    long_far = urgency.start_by(decision_due=date(2026, 6, 30), expected_days=60)
    short_near = urgency.start_by(decision_due=date(2026, 6, 1), expected_days=2)

    assert long_far < short_near


def test_marks_say_late_at_risk_or_on_track():
    due, start = date(2026, 6, 1), date(2026, 5, 1)

    assert urgency.mark(start_by=start, decision_due=due, today=date(2026, 4, 30)) == "on-track"
    assert urgency.mark(start_by=start, decision_due=due, today=date(2026, 5, 1)) == "at-risk"
    assert urgency.mark(start_by=start, decision_due=due, today=date(2026, 6, 2)) == "late"
