"""Worked examples of the penalty for a late decision (Awb 4:17), and its properties."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indigo.deadlines.holidays import is_working_day
from indigo.penalties.calculator import (
    State,
    administrative_penalty,
    amount_for_days,
    court_penalty,
)
from indigo.penalties.rules import RULES_FILE, Band, PenaltyRules, PenaltyRulesReader, rules_on

RULES_2026 = rules_on(date(2026, 3, 3))
PERIOD_ENDS = date(2026, 3, 1)
NOTICE = date(2026, 3, 3)


def penalty(on, *, decided_on=None, process="regular-economic", notice=NOTICE, rules=RULES_2026):
    return administrative_penalty(
        rules=rules,
        process=process,
        period_ends=PERIOD_ENDS,
        notice_received_on=notice,
        on=on,
        decided_on=decided_on,
    )


def test_the_shipped_rules_say_23_35_45_euros_for_42_days_at_most_1442():
    assert [(b.days, b.eur_per_day) for b in RULES_2026.bands] == [
        (14, Decimal("23.00")),
        (14, Decimal("35.00")),
        (14, Decimal("45.00")),
    ]
    assert RULES_2026.max_days == 42
    assert RULES_2026.grace_days == 14
    assert RULES_2026.max_total_eur == Decimal("1442.00")
    assert "4:17" in RULES_2026.source


def test_the_first_penalty_day_is_two_weeks_after_the_notice_was_received():
    result = penalty(date(2026, 3, 16))

    assert result.starts_on == date(2026, 3, 17)
    assert result.state == State.NOT_STARTED
    assert result.amount == Decimal("0.00")


def test_on_the_first_day_23_euros_are_due():
    result = penalty(date(2026, 3, 17))

    assert (result.state, result.days, result.amount) == (State.RUNNING, 1, Decimal("23.00"))


def test_the_maximum_is_1442_euros_after_42_days_and_nothing_more_later():
    on_day_42 = penalty(date(2026, 4, 27))
    much_later = penalty(date(2026, 12, 31))

    assert (on_day_42.days, on_day_42.amount) == (42, Decimal("1442.00"))
    assert on_day_42.state == State.MAXIMUM
    assert (much_later.days, much_later.amount) == (42, Decimal("1442.00"))


def test_a_decision_on_day_20_stops_the_penalty_after_19_days_497_euros():
    day_20 = date(2026, 3, 17) + timedelta(days=19)

    result = penalty(date(2026, 6, 1), decided_on=day_20)

    # 14 x 23 + 5 x 35: the day of the decision itself is not counted.
    assert (result.state, result.days, result.amount) == (State.STOPPED, 19, Decimal("497.00"))


def test_a_decision_before_the_first_day_costs_nothing():
    result = penalty(date(2026, 6, 1), decided_on=date(2026, 3, 17))

    assert (result.state, result.amount) == (State.DECIDED_IN_TIME, Decimal("0.00"))


def test_a_notice_received_before_the_period_passed_starts_nothing():
    result = penalty(date(2026, 6, 1), notice=PERIOD_ENDS)

    assert (result.state, result.amount, result.starts_on) == (State.PREMATURE, 0, None)


def test_the_42_days_are_not_moved_by_the_algemene_termijnenwet():
    # The 42nd day is King's Day 2026 (a holiday under Atw art. 3): it stays the last day.
    result = penalty(date(2026, 4, 27))

    assert result.last_possible_day == date(2026, 4, 27)
    assert not is_working_day(date(2026, 4, 27))


def test_asylum_has_no_administrative_penalty_since_10_july_2020():
    result = penalty(date(2026, 6, 1), process="asylum")

    assert (result.state, result.amount) == (State.EXEMPT, Decimal("0.00"))
    assert "35476" in RULES_2026.exemption_source


def test_an_asylum_notice_received_before_10_july_2020_still_ran_a_penalty():
    rules = rules_on(date(2020, 6, 1))
    result = administrative_penalty(
        rules=rules,
        process="asylum",
        period_ends=date(2020, 5, 1),
        notice_received_on=date(2020, 6, 1),
        on=date(2020, 8, 1),
    )

    assert "asylum" not in rules.exempt_processes
    assert (result.state, result.amount) == (State.MAXIMUM, Decimal("1442.00"))
    assert rules_on(date(2020, 7, 10)).exempt_processes == frozenset({"asylum"})
    assert rules_on(date(2020, 7, 9)).exempt_processes == frozenset()


def test_a_change_of_amounts_applies_to_notices_received_from_its_date():
    old = rules_on(date(2026, 1, 1))
    new = PenaltyRules(
        valid_from=date(2030, 1, 1),
        grace_days=14,
        max_days=42,
        max_total_eur=Decimal("2100.00"),
        bands=(Band(14, Decimal("40")), Band(14, Decimal("50")), Band(14, Decimal("60"))),
        exempt_processes=frozenset(),
        source="a future change (test only)",
    )
    versions = (old, new)

    before = rules_on(date(2029, 12, 31), versions)
    after = rules_on(date(2030, 1, 1), versions)

    assert amount_for_days(before, 1) == Decimal("23.00")
    assert amount_for_days(after, 1) == Decimal("40.00")
    assert amount_for_days(after, 42) == Decimal("2100.00")


def test_a_court_penalty_runs_from_the_day_after_the_courts_date_up_to_its_cap():
    def court(on, decided_on=None):
        return court_penalty(
            decide_by=date(2026, 5, 1),
            eur_per_day=Decimal("100"),
            max_total_eur=Decimal("7500"),
            on=on,
            decided_on=decided_on,
        )

    assert court(date(2026, 5, 1)).amount == Decimal("0.00")
    assert (court(date(2026, 5, 10)).days, court(date(2026, 5, 10)).amount) == (
        9,  # 2 up to and including 10 May
        Decimal("900.00"),
    )
    assert court(date(2027, 5, 1)).amount == Decimal("7500.00")
    assert court(date(2027, 5, 1)).state == State.MAXIMUM
    assert court(date(2027, 5, 1), decided_on=date(2026, 5, 4)).amount == Decimal("200.00")


def test_rules_whose_bands_do_not_add_up_are_refused_naming_the_field():
    from indigo.lawdata.loader import LawDataError

    data = {
        "versions": [
            {
                "valid_from": "2030-01-01",
                "grace_days": 14,
                "max_days": 42,
                "max_total_eur": 1442,
                "bands": [{"days": 14, "eur_per_day": 23}],
                "exempt_processes": ["asylum"],
                "source": "x",
            }
        ]
    }
    with pytest.raises(LawDataError) as error:
        PenaltyRulesReader().read_data(data, path=RULES_FILE)
    assert "bands" in str(error.value)
    assert "exemption_source" in str(error.value)


# --- properties ------------------------------------------------------------------------

days = st.integers(min_value=0, max_value=400)


@given(after=days, later=days)
def test_the_amount_never_falls_as_days_pass_and_never_exceeds_the_maximum(after, later):
    first = penalty(NOTICE + timedelta(days=after))
    second = penalty(NOTICE + timedelta(days=after + later))

    assert first.amount <= second.amount <= Decimal("1442.00")
    assert 0 <= first.days <= second.days <= 42


@given(decided=days, on=days)
def test_nothing_accrues_on_or_after_the_decision_day(decided, on):
    decided_on = NOTICE + timedelta(days=decided)
    result = penalty(NOTICE + timedelta(days=on), decided_on=decided_on)
    without = penalty(decided_on - timedelta(days=1))

    assert result.amount == (
        without.amount if on >= decided else penalty(NOTICE + timedelta(days=on)).amount
    )


@given(n=st.integers(min_value=0, max_value=100))
def test_the_amount_for_n_days_is_the_sum_of_its_bands(n):
    counted = min(n, 42)
    expected = (
        23 * min(counted, 14)
        + 35 * min(max(counted - 14, 0), 14)
        + 45 * min(max(counted - 28, 0), 14)
    )

    assert amount_for_days(RULES_2026, n) == Decimal(expected)


def test_after_the_maximum_the_amount_is_set_by_decision_within_two_weeks():
    # Day 42 is 27 April 2026; Awb 4:18: the decision on the amount by 11 May 2026.
    assert penalty(date(2026, 6, 1)).fix_by == date(2026, 5, 11)
    assert RULES_2026.fix_within_days == 14


def test_after_a_decision_on_day_20_the_amount_is_set_two_weeks_after_day_19():
    day_20 = date(2026, 3, 17) + timedelta(days=19)

    result = penalty(date(2026, 6, 1), decided_on=day_20)

    assert result.fix_by == date(2026, 3, 17) + timedelta(days=18 + 14)


def test_while_the_penalty_runs_there_is_no_date_to_set_it_yet():
    assert penalty(date(2026, 3, 20)).fix_by is None
