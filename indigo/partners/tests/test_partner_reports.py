"""Inbound reports: a municipality, the border police or the embassy tells Indigo."""

import pytest
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import EventKind
from indigo.cases.tests.factories import make_application
from indigo.rules.models import Fact

pytestmark = pytest.mark.django_db
URL = "/api/v1/partner-reports"


@pytest.fixture
def municipality():
    client = APIClient()
    client.force_authenticate(user_with_role("partner", username="gemeente-zwolle"))
    return client


def test_a_municipal_registration_is_an_event_and_the_address_a_partner_fact(
    municipality, traveller
):
    application = make_application(product="family-partner", v_number="1234567890")

    response = municipality.post(
        URL,
        {
            "v_number": "1234567890",
            "report": "municipal-registration",
            "on": "2024-02-28",
            "address": {"postcode": "8011 AB", "house_number": "12", "city": "Zwolle"},
        },
        format="json",
    )

    assert response.status_code == 202
    event = application.events.get(action=EventKind.PARTNER_REPORTED)
    assert event.payload["report"] == "municipal-registration"
    assert event.payload["partner"] == "gemeente-zwolle"
    assert event.effective_on.isoformat() == "2024-02-28"
    fact = Fact.objects.get(application=application, name="residential_address")
    assert fact.source == "partner"
    assert fact.value["postcode"] == "8011 AB"


def test_a_border_arrival_is_an_event(municipality, traveller):
    application = make_application(product="family-partner", v_number="1234567890")

    municipality.post(
        URL,
        {"v_number": "1234567890", "report": "border-arrival", "on": "2024-02-29"},
        format="json",
    )

    assert application.events.filter(
        action=EventKind.PARTNER_REPORTED, payload__report="border-arrival"
    ).exists()


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"v_number": "1234567890", "report": "rumour", "on": "2024-02-29"}, 400, "report"),
        ({"v_number": "1234567890", "report": "border-arrival", "on": "2099-01-01"}, 400, "on"),
        (
            {
                "v_number": "1234567890",
                "report": "border-arrival",
                "on": "2024-02-29",
                "address": {"postcode": "8011 AB", "house_number": "1"},
            },
            400,
            "address",
        ),
        ({"v_number": "77", "report": "border-arrival", "on": "2024-02-29"}, 404, None),
    ],
)
def test_bad_reports_are_refused_and_nothing_is_written(
    municipality, traveller, body, status, field
):
    application = make_application(product="family-partner", v_number="1234567890")

    response = municipality.post(URL, body, format="json")

    assert response.status_code == status
    if field:
        assert response.json()["invalidParams"][0]["name"].startswith(field)
    assert not application.events.filter(action=EventKind.PARTNER_REPORTED).exists()


def test_only_partners_report(traveller):
    make_application(product="family-partner", v_number="1234567890")
    client = APIClient()
    client.force_authenticate(user_with_role("caseworker"))

    response = client.post(
        URL, {"v_number": "1234567890", "report": "border-arrival", "on": "2024-02-29"}
    )

    assert response.status_code == 403
