"""The measures against small cases computed by hand."""

from datetime import date

import pytest

from indigo.cases.event_kinds import EventKind as K
from indigo.quality.measures.base import MeasureQuery, percentile
from indigo.quality.selectors import measures_answer
from indigo.quality.tests.conftest import record

pytestmark = pytest.mark.django_db

JULY = MeasureQuery(date_from=date(2026, 7, 1), date_to=date(2026, 7, 31))


@pytest.fixture
def july(apply, clerk):
    """Six applications whose July figures are worked out in the test below."""
    a = apply(date(2026, 6, 1))  # decided on time in July, nothing asked
    record(a, K.OWNERSHIP_TAKEN, date(2026, 6, 2), task="handle", to="clerk")
    record(a, K.NOTIFIED, date(2026, 7, 10), decision_due="2026-08-30")
    record(a, K.OBJECTION_LODGED, date(2026, 7, 25), decision_due="2026-09-05")
    b = apply(date(2026, 6, 15))  # one request, decided late in July
    record(b, K.INFORMATION_REQUESTED, date(2026, 6, 20), request=1, until="2026-07-04")
    record(b, K.NOTIFIED, date(2026, 7, 20), decision_due="2026-07-15")
    apply(date(2026, 7, 5))  # open at the end of July: 26 days old
    d = apply(date(2026, 7, 10))  # withdrawn two days later
    record(d, K.WITHDRAWN, date(2026, 7, 12), decision_due="2026-10-08")
    apply(date(2026, 5, 1))  # open at the end of July: 91 days old
    apply(date(2026, 8, 1))  # after the period
    return a, b


def test_july_by_hand(july):
    figures = measures_answer(JULY)["groups"][""]
    assert figures["intake"] == 2
    assert figures["output"] == 2
    assert figures["withdrawn"] == 1
    assert figures["stock"] == 2
    assert figures["on_time_share"] == 0.5
    assert figures["late_decisions"] == 1
    assert figures["throughput_median_days"] == 35
    assert figures["throughput_p90_days"] == 39
    assert figures["first_time_right_share"] == 0.5
    assert figures["requests_per_application"] == 0.5
    assert figures["stock_age_median_days"] == 26
    assert figures["stock_age_p90_days"] == 91
    assert figures["objections_per_1000_decisions"] == 500.0
    assert figures["within_norm_share"] is None  # no customer group, no norm


def test_every_measure_comes_with_its_definition(july):
    answer = measures_answer(JULY)
    assert set(answer["definitions"]) == set(answer["groups"][""])
    assert "legal decision date" in answer["definitions"]["on_time_share"]["definition"]


def test_grouped_by_unit_only_the_owned_application_counts_for_the_unit(july):
    groups = measures_answer(
        MeasureQuery(date_from=JULY.date_from, date_to=JULY.date_to, group_by="unit")
    )["groups"]
    assert groups["economic-zwolle"]["output"] == 1
    assert groups["economic-zwolle"]["on_time_share"] == 1.0
    assert groups[""]["output"] == 1  # nobody took application b: not yet assigned
    assert groups[""]["on_time_share"] == 0.0


def test_grouped_by_week_the_stock_is_counted_at_each_weeks_end(july):
    groups = measures_answer(
        MeasureQuery(date_from=date(2026, 7, 6), date_to=date(2026, 7, 19), group_by="week")
    )["groups"]
    # Week 28 (6 to 12 July): received 5 Jun·1 Jun·15 Jun·5 Jul·1 May and 10 Jul (withdrawn
    # 12 Jul); a decided 10 Jul → open at 12 Jul: b, c, e.
    assert groups["2026-W28"]["stock"] == 3
    assert groups["2026-W28"]["output"] == 1
    assert groups["2026-W28"]["intake"] == 1
    # Week 29 (13 to 19 July): nothing changes; b is decided on the 20th.
    assert groups["2026-W29"]["stock"] == 3
    assert groups["2026-W29"]["output"] == 0


def test_filter_by_unit_leaves_out_other_units(july):
    query = MeasureQuery(date_from=JULY.date_from, date_to=JULY.date_to, unit="economic-zwolle")
    figures = measures_answer(query)["groups"][""]
    assert figures["output"] == 1
    assert figures["intake"] == 0


def test_service_norm_of_the_customer_group(apply):
    # Recognised sponsor, study: norm of 2 weeks from receipt (catalog).
    fast = apply(date(2026, 7, 1), customer_group="recognised-sponsor")
    record(fast, K.NOTIFIED, date(2026, 7, 15), decision_due="2026-09-29")
    slow = apply(date(2026, 7, 1), customer_group="recognised-sponsor")
    record(slow, K.NOTIFIED, date(2026, 7, 16), decision_due="2026-09-29")
    figures = measures_answer(JULY)["groups"][""]
    assert figures["within_norm_share"] == 0.5
    assert figures["on_time_share"] == 1.0


def test_a_decision_on_objection_is_not_a_second_decision(apply):
    a = apply(date(2026, 6, 1))
    record(a, K.NOTIFIED, date(2026, 7, 10), decision_due="2026-08-30")
    record(a, K.OBJECTION_LODGED, date(2026, 7, 12), decision_due="2026-08-23")
    record(a, K.NOTIFIED, date(2026, 7, 30), decision_due="2026-08-23")
    assert measures_answer(JULY)["groups"][""]["output"] == 1


@pytest.mark.parametrize(
    ("histogram", "q", "expected"),
    [
        ({10: 1, 20: 1}, 0.5, 10),
        ({10: 1, 20: 1}, 0.9, 20),
        ({5: 9, 50: 1}, 0.9, 5),
        ({}, 0.5, None),
    ],
)
def test_percentiles_are_nearest_rank(histogram, q, expected):
    assert percentile(histogram, q) == expected
