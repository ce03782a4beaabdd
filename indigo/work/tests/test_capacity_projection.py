"""Throughput and the projection of the stock: plain arithmetic, no database."""

from hypothesis import given
from hypothesis import strategies as st

from indigo.work import capacity


def test_throughput_is_the_output_per_member_week():
    assert capacity.throughput_per_member(completed=30, member_weeks=12) == 2.5


def test_throughput_is_unknown_without_output_rather_than_zero():
    assert capacity.throughput_per_member(completed=0, member_weeks=12) is None
    assert capacity.throughput_per_member(completed=5, member_weeks=0) is None


# --- projection --------------------------------------------------------------------------


def test_weeks_to_clear_divide_the_stock_by_members_times_throughput():
    assert capacity.weeks_to_clear(stock=30, members=3, throughput=2.5) == 4.0


def test_lending_members_shortens_the_weeks_to_clear():
    assert capacity.weeks_to_clear(stock=30, members=3, throughput=2.5, extra=1) == 3.0


def test_weeks_to_clear_are_unknown_when_there_is_no_output_yet():
    assert capacity.weeks_to_clear(stock=30, members=3, throughput=None) is None
    assert capacity.weeks_to_clear(stock=30, members=3, throughput=0.0) is None


def test_weeks_to_clear_are_unknown_without_members():
    assert capacity.weeks_to_clear(stock=30, members=0, throughput=2.0) is None


def test_an_empty_stock_takes_no_time_to_clear_even_without_output():
    assert capacity.weeks_to_clear(stock=0, members=0, throughput=None) == 0.0


@given(
    stock=st.integers(min_value=1, max_value=10**6),
    members=st.integers(min_value=1, max_value=500),
    throughput=st.floats(min_value=0.01, max_value=100),
    extra=st.integers(min_value=1, max_value=50),
)
def test_more_members_never_make_the_stock_take_longer(stock, members, throughput, extra):
    now = capacity.weeks_to_clear(stock=stock, members=members, throughput=throughput)
    more = capacity.weeks_to_clear(stock=stock, members=members, throughput=throughput, extra=extra)

    assert 0 < more < now
