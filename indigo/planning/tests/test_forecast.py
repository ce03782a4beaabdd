"""The personal forecast against a queue worked out by hand, and its accuracy measure."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import EventKind as K
from indigo.planning.forecast import forecast_for, forecast_words
from indigo.planning.models import ForecastSnapshot
from indigo.planning.tests.conftest import record
from indigo.quality.facts import facts_refresh
from indigo.quality.measures.base import MeasureQuery
from indigo.quality.selectors import measures_answer

pytestmark = pytest.mark.django_db
TODAY = date(2026, 8, 3)


@pytest.fixture
def queue(apply):
    """Study decisions in the 8 weeks before 3 August: 1, 3, 1, 3, … (mean 2 a week);
    three open applications received before ours, one after."""
    for k in range(8):
        for _ in range(1 if k % 2 == 0 else 3):
            decided = apply(date(2026, 5, 1))
            record(
                decided,
                K.NOTIFIED,
                date(2026, 6, 10) + timedelta(weeks=k),
                decision_due="2026-09-01",
            )
    for day in (1, 2, 3):
        apply(date(2026, 7, day))
    ours = apply(date(2026, 7, 10))
    apply(date(2026, 7, 20))
    facts_refresh()
    return ours


def test_the_forecast_by_hand(queue):
    forecast = forecast_for(queue, today=TODAY)
    # 3 ahead + ours = 4; a fast week decides 3 (75th percentile), a slow one 1 (25th).
    assert forecast.position == 3
    assert forecast.per_week == 2
    assert forecast.low == date(2026, 8, 13)  # 4 / 3 weeks = 9.3 days → 10
    assert forecast.high == date(2026, 8, 31)  # 4 / 1 weeks = 28 days
    assert forecast.words == "most likely between 1 and 4 weeks"
    assert ForecastSnapshot.objects.get(application=queue).high == date(2026, 8, 31)


def test_the_forecast_moves_with_the_queue(queue, apply):
    first = apply(date(2026, 7, 1))  # received before ours, but recorded later
    facts_refresh()
    assert forecast_for(queue, today=TODAY, record=False).position == 4
    record(first, K.WITHDRAWN, TODAY, decision_due="2026-09-01")
    facts_refresh()
    assert forecast_for(queue, today=TODAY, record=False).position == 3


def test_no_forecast_without_output_or_once_decided(apply):
    lonely = apply(date(2026, 7, 1), product="naturalisation")
    facts_refresh()
    assert forecast_for(lonely, today=TODAY) is None


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [
        (0.2, 0.9, "most likely within a week"),
        (2.8, 3.0, "most likely in about 3 weeks"),
        (3.1, 4.2, "most likely between 3 and 5 weeks"),
    ],
)
def test_plain_words(low, high, words):
    assert forecast_words(low, high) == words


def test_the_api_shows_expected_decision(queue):
    client = APIClient()
    client.force_authenticate(user_with_role("caseworker"))
    body = client.get(f"/api/v1/applications/{queue.reference}").json()
    assert body["expected_decision"] == {
        "low": "2026-08-13",
        "high": "2026-08-31",
        "position": 3,
        "per_week": 2.0,
        "text": "most likely between 1 and 4 weeks",
    }


def test_accuracy_against_the_actual_decision_dates(queue, apply, today):
    late_one = apply(date(2026, 7, 2))
    facts_refresh()
    forecast_for(queue, today=TODAY)  # 13 to 31 August
    forecast_for(late_one, today=TODAY)
    record(queue, K.NOTIFIED, date(2026, 8, 20), decision_due="2026-09-08")  # inside
    record(late_one, K.NOTIFIED, date(2026, 9, 30), decision_due="2026-09-08")  # outside
    august_september = MeasureQuery(date_from=date(2026, 8, 1), date_to=date(2026, 9, 30))
    figures = measures_answer(august_september)["groups"][""]
    assert figures["forecasts_checked"] == 2
    assert figures["forecast_accuracy_share"] == 0.5


def test_the_portal_shows_the_forecast_beside_the_legal_date(queue, client, settings):
    settings.INDIGO_DEV_LOGIN = True
    account = user_with_role("applicant", username="valentina")
    queue.applicant.user = account
    queue.applicant.save(update_fields=["user"])
    client.force_login(account)
    page = client.get(f"/portal/applications/{queue.reference}").content.decode()
    assert "You will hear from us most likely between 1 and 4 weeks" in page
    assert "There are 3 applications before yours." in page
