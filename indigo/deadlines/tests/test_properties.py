"""Property tests over dates between 2000 and 2100."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from indigo.deadlines.calculator import Suspension, decision_due, suspended_days
from indigo.deadlines.holidays import is_working_day
from indigo.deadlines.periods import Period, PeriodUnit, add_period
from indigo.deadlines.termijnenwet import apply_atw

# No example database: it would write .hypothesis/ outside this app.
prop = settings(database=None, deadline=None)

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
periods = st.one_of(
    st.builds(Period, st.integers(0, 400), st.just(PeriodUnit.DAYS)),
    st.builds(Period, st.integers(0, 60), st.just(PeriodUnit.WEEKS)),
    st.builds(Period, st.integers(0, 24), st.just(PeriodUnit.MONTHS)),
)
offsets = st.integers(0, 400)
lengths = st.integers(0, 200)


@st.composite
def suspensions_after(draw, received_on: date) -> Suspension:
    start = received_on + timedelta(days=draw(offsets))
    if draw(st.booleans()):
        return Suspension(start=start, end=start + timedelta(days=draw(lengths)))
    planned = draw(st.none() | lengths.map(lambda n: start + timedelta(days=n)))
    return Suspension(start=start, end=None, planned_end=planned)


@st.composite
def cases(draw):
    received_on = draw(dates)
    return {
        "received_on": received_on,
        "period": draw(periods),
        "suspensions": draw(st.lists(suspensions_after(received_on), max_size=3)),
        "extension": draw(st.none() | periods),
        "today": draw(dates),
    }


@prop
@given(cases())
def test_the_due_date_is_never_a_saturday_sunday_or_holiday(case):
    assert is_working_day(decision_due(**case))


@prop
@given(cases())
def test_the_due_date_is_never_before_the_raw_end_of_the_period(case):
    assert decision_due(**case) >= add_period(case["received_on"], case["period"])


@prop
@given(cases(), offsets, lengths, st.integers(1, 100))
def test_a_longer_suspension_never_moves_the_due_date_earlier(case, offset, length, more):
    start = case["received_on"] + timedelta(days=offset)
    shorter = Suspension(start=start, end=start + timedelta(days=length))
    longer = Suspension(start=start, end=start + timedelta(days=length + more))
    before = decision_due(**case | {"suspensions": [*case["suspensions"], shorter]})
    after = decision_due(**case | {"suspensions": [*case["suspensions"], longer]})
    assert after >= before


@prop
@given(cases(), st.data())
def test_adding_a_suspension_never_moves_the_due_date_earlier(case, data):
    extra = data.draw(suspensions_after(case["received_on"]))
    with_extra = case | {"suspensions": [*case["suspensions"], extra]}
    assert decision_due(**with_extra) >= decision_due(**case)


@prop
@given(cases(), st.data())
def test_two_identical_suspensions_count_once(case, data):
    suspension = data.draw(suspensions_after(case["received_on"]))
    once = decision_due(**case | {"suspensions": [suspension]})
    twice = decision_due(**case | {"suspensions": [suspension, suspension]})
    assert twice == once


@prop
@given(st.lists(suspensions_after(date(2026, 1, 1)), max_size=5), dates)
def test_merged_suspensions_count_no_more_than_their_sum(suspensions, today):
    total = suspended_days(suspensions, today=today)
    assert max((s.days(today=today) for s in suspensions), default=0) <= total
    assert total <= sum(s.days(today=today) for s in suspensions)


@prop
@given(cases(), periods)
def test_an_extension_never_moves_the_due_date_earlier(case, extension):
    without = decision_due(**case | {"extension": None})
    assert decision_due(**case | {"extension": extension}) >= without


@prop
@given(dates, st.integers(0, 520))
def test_adding_weeks_equals_adding_seven_times_as_many_days(start, weeks):
    in_weeks = add_period(start, Period(weeks, PeriodUnit.WEEKS))
    assert in_weeks == add_period(start, Period(7 * weeks, PeriodUnit.DAYS))


@prop
@given(dates, st.integers(3, 400))
def test_a_period_of_three_days_or_more_ends_holding_two_working_days(start, days):
    end = apply_atw(start, start + timedelta(days=days))
    span = (start + timedelta(days=n) for n in range(1, (end - start).days + 1))
    assert sum(map(is_working_day, span)) >= 2


@prop
@given(dates, st.integers(3, 400))
def test_applying_the_termijnenwet_twice_to_three_days_or_more_changes_nothing(start, days):
    end = apply_atw(start, start + timedelta(days=days))
    assert apply_atw(start, end) == end
