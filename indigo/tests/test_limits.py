"""The bounds on input (indigo.limits), enforced on every door (issue 9)."""

from datetime import date

import pytest
import time_machine
from django.test import Client
from rest_framework.test import APIClient

from indigo import limits
from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Applicant, ApplicationEvent
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.errors import InvalidInput

pytestmark = pytest.mark.usefixtures("catalog")

PERSON = {
    "given_names": "Ana",
    "surname": "Lopez",
    "date_of_birth": "1990-01-02",
    "nationality": "COL",
}


@pytest.fixture(autouse=True)
def _on_a_monday():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


@pytest.fixture
def api():
    client = APIClient()
    client.force_authenticate(user_with_role("caseworker"))
    return client


@pytest.mark.parametrize(
    "name",
    [
        "Ana\u202eLopez",  # right-to-left override
        "Ana\u200bLopez",  # zero-width space
        "Ana\u2066Lopez",  # left-to-right isolate
        "Ana\x07Lopez",  # bell
        "Ana\x00Lopez",  # NUL
        "A" * 201,
    ],
)
def test_a_name_with_invisible_or_control_characters_is_refused_through_the_api(api, name):
    response = api.post(
        "/api/v1/applications",
        {"product": "study", "applicant": {**PERSON, "surname": name}},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert response.json()["invalidParams"][0]["name"] == "applicant.surname"
    assert not Applicant.objects.exists()


def test_a_name_with_accents_and_apostrophes_is_kept():
    application = make_application(surname="N'Diaye-Gómez", given_names="Zoë")

    assert application.applicant.surname == "N'Diaye-Gómez"


@pytest.mark.parametrize(
    "v_number",
    [
        "".join(chr(0x0660 + int(d)) for d in "1234567890"),  # Arabic-Indic digits
        "".join(chr(0xFF10 + int(d)) for d in "1234567890"),  # full-width digits
        "123456789\u0660",
    ],
)
def test_a_v_number_of_non_ascii_digits_is_refused(api, v_number):
    response = api.post(
        "/api/v1/applications",
        {"product": "study", "applicant": {**PERSON, "v_number": v_number}},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert not Applicant.objects.exists()


def test_a_megabyte_reason_is_refused_and_nothing_is_written():
    caseworker = user_with_role("caseworker")
    application = make_application(actor=caseworker)

    with pytest.raises(InvalidInput) as refused:
        application_act(
            actor=caseworker, application=application, action="start-intake", reason="x" * 2**20
        )

    assert refused.value.field == "reason"
    assert ApplicationEvent.objects.filter(application=application).count() == 1


def test_a_megabyte_information_request_through_the_staff_form_is_refused():
    caseworker = user_with_role("caseworker")
    application = make_application(actor=caseworker)
    client = Client()
    client.force_login(caseworker)

    client.post(
        f"/staff/applications/{application.reference}/requests",
        {"what": "x" * 2**20, "until": "2026-04-01"},
    )

    assert not application.information_requests.exists()


def test_a_megabyte_contact_note_is_refused():
    from indigo.contacts.services import contact_log

    agent = user_with_role("contact")
    application = make_application()
    with pytest.raises(InvalidInput) as refused:
        contact_log(
            actor=agent,
            applicant=application.applicant,
            channel="phone",
            topic="question",
            notes="x" * 2**20,
            applications=[application],
        )
    assert refused.value.field == "notes"


@pytest.mark.parametrize("role", ["contact", "specialist"])
def test_contact_centre_and_specialists_cannot_back_date_a_receipt(api, role):
    client = APIClient()
    client.force_authenticate(user_with_role(role))

    response = client.post(
        "/api/v1/applications",
        {"product": "study", "received_on": "2026-01-05", "applicant": PERSON},
        format="json",
    )

    assert response.status_code in (400, 403), response.content
    assert not Applicant.objects.exists()


def test_a_caseworker_can_still_register_a_paper_receipt_date(api):
    response = api.post(
        "/api/v1/applications",
        {"product": "study", "received_on": "2026-01-05", "applicant": PERSON},
        format="json",
    )

    assert response.status_code == 201, response.content


def test_a_receipt_date_before_1900_is_refused(api):
    response = api.post(
        "/api/v1/applications",
        {"product": "study", "received_on": "1899-12-31", "applicant": PERSON},
        format="json",
    )

    assert response.status_code == 400


def test_the_json_depth_check_ignores_brackets_inside_strings():
    assert not limits.json_depth_exceeds(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')
    assert limits.json_depth_exceeds(b"[" * 21 + b"]" * 21)
    assert not limits.json_depth_exceeds(b"[" * 20 + b"]" * 20)


def test_page_numbers_are_bounded():
    assert [limits.page_number(v) for v in (None, "", "0", "-3", "٣", "7", "9" * 30)] == [
        1,
        1,
        1,
        1,
        1,
        7,
        1,
    ]
    assert limits.page_number("999999") == limits.PAGE_MAX


def test_dates_are_bounded_both_ways():
    today = date(2026, 3, 2)
    with pytest.raises(InvalidInput):
        limits.date_check(date(9000, 1, 1), field="until", today=today)
    with pytest.raises(InvalidInput):
        limits.date_check(date(1899, 1, 1), field="on", today=today)
    assert limits.date_check(date(2026, 6, 1), field="until", today=today) == date(2026, 6, 1)
