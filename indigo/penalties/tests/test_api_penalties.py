from datetime import date, timedelta

import pytest
import time_machine
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import EventKind
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.penalties.models import NoticeOfDefault
from indigo.penalties.tests.helpers import decide

pytestmark = pytest.mark.usefixtures("catalog")


def client_for(role):
    client = APIClient()
    client.user = user_with_role(role)
    client.force_authenticate(client.user)
    return client


@pytest.fixture
def late():
    """A study application whose decision period passed; today is 10 days later."""
    with time_machine.travel(date(2026, 1, 5), tick=False):
        application = make_application(product="study")
    traveller = time_machine.travel(application.decision_due + timedelta(days=10), tick=False)
    traveller.start()
    yield application
    traveller.stop()


def url(application, tail):
    return f"/api/v1/applications/{application.reference}/{tail}"


def test_a_notice_after_the_period_is_registered_and_the_penalty_starts_two_weeks_later(late):
    caseworker = client_for("caseworker")
    received = late.decision_due + timedelta(days=3)

    response = caseworker.post(
        url(late, "notices-of-default"), {"received_on": received.isoformat()}, format="json"
    )

    assert response.status_code == 201, response.content
    assert response.json()["premature"] is False
    starts = received + timedelta(days=14)
    on_day_20 = starts + timedelta(days=19)
    penalty = caseworker.get(url(late, f"penalty?on={on_day_20.isoformat()}")).json()
    assert penalty["administrative"]["starts_on"] == starts.isoformat()
    assert penalty["administrative"]["days"] == 20
    assert penalty["administrative"]["amount_eur"] == "532.00"  # 14 x 23 + 6 x 35
    event = ApplicationEvent.objects.get(application=late, action=EventKind.NOTICE_OF_DEFAULT)
    assert event.payload["penalty_starts_on"] == starts.isoformat()


def test_a_decision_notified_on_day_20_stops_the_penalty_at_497_euros(late):
    caseworker = client_for("caseworker")
    received = late.decision_due + timedelta(days=1)
    caseworker.post(
        url(late, "notices-of-default"), {"received_on": received.isoformat()}, format="json"
    )
    day_20 = received + timedelta(days=14 + 19)
    with time_machine.travel(day_20, tick=False):
        decide(late, actor=caseworker.user)

    penalty = caseworker.get(url(late, "penalty?on=2027-01-01")).json()

    assert penalty["decided_on"] == day_20.isoformat()
    assert penalty["administrative"]["state"] == "stopped"
    assert (penalty["administrative"]["days"], penalty["administrative"]["amount_eur"]) == (
        19,
        "497.00",
    )
    # Awb 4:18: the amount is set by decision within two weeks after the last day (19).
    last_day = received + timedelta(days=14 + 18)
    assert penalty["administrative"]["fix_by"] == (last_day + timedelta(days=14)).isoformat()


def test_a_notice_before_the_period_passed_is_registered_with_a_message(late):
    caseworker = client_for("caseworker")

    response = caseworker.post(
        url(late, "notices-of-default"),
        {"received_on": late.decision_due.isoformat()},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["premature"] is True
    assert "no penalty can start" in body["message"]
    assert NoticeOfDefault.objects.filter(application=late, premature=True).count() == 1
    penalty = caseworker.get(url(late, "penalty")).json()
    assert penalty["administrative"]["state"] == "premature"
    assert penalty["total_eur"] == "0.00"


def test_a_notice_in_the_future_is_refused_naming_the_field(late):
    caseworker = client_for("caseworker")

    response = caseworker.post(
        url(late, "notices-of-default"), {"received_on": "2099-01-01"}, format="json"
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["invalidParams"][0]["name"] == "received_on"
    assert not NoticeOfDefault.objects.exists()


def test_a_bad_date_in_the_penalty_query_is_a_400(late):
    response = client_for("caseworker").get(url(late, "penalty?on=tomorrow"))

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "on"


def test_applicants_cannot_register_notices_through_the_staff_endpoint(late):
    applicant = client_for("applicant")

    response = applicant.post(
        url(late, "notices-of-default"), {"received_on": "2026-01-06"}, format="json"
    )

    assert response.status_code in (403, 404)


def test_a_late_decision_on_the_objection_runs_a_penalty_of_its_own(late):
    from indigo.objections.services import objection_register

    caseworker = client_for("caseworker")
    received = late.decision_due + timedelta(days=1)
    caseworker.post(
        url(late, "notices-of-default"), {"received_on": received.isoformat()}, format="json"
    )
    day_20 = received + timedelta(days=14 + 19)
    with time_machine.travel(day_20, tick=False):
        decided = decide(late, actor=caseworker.user, outcome="refuse")
        objection = objection_register(
            actor=caseworker.user, application=decided, lodged_on=day_20, grounds="No."
        )
    second = objection.decision_due + timedelta(days=1)
    with time_machine.travel(second, tick=False):
        response = caseworker.post(
            url(late, "notices-of-default"), {"received_on": second.isoformat()}, format="json"
        )
    assert response.json()["premature"] is False
    on = second + timedelta(days=14)  # the first day of the second penalty

    penalty = caseworker.get(url(late, f"penalty?on={on.isoformat()}")).json()

    assert penalty["earlier"][0]["amount_eur"] == "497.00"
    assert (penalty["administrative"]["days"], penalty["administrative"]["amount_eur"]) == (
        1,
        "23.00",
    )
    assert penalty["total_eur"] == "520.00"
