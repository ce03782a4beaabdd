"""Persons through the API: search with a body, the one view, logging a contact."""

from datetime import date

import pytest

from indigo.accounts.tests.factories import make_unit
from indigo.api.tests.conftest import client_for, invalid_names, is_problem
from indigo.audit.tests.helpers import logged
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.contacts.models import ContactMoment

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def contact_centre():
    return client_for("contact")


@pytest.fixture
def valentina(caseworker):
    return make_application(
        actor=caseworker.user,
        surname="Restrepo Gómez",
        date_of_birth=date(2001, 3, 14),
        v_number="1234567890",
    )


def search(client, **body):
    return client.post("/api/v1/persons/search", body, format="json")


def test_a_person_is_found_by_surname_and_date_of_birth_or_v_number(contact_centre, valentina):
    by_name = search(contact_centre, surname="restrepo  gómez", date_of_birth="2001-03-14")
    by_number = search(contact_centre, v_number="1234567890")

    assert by_name.status_code == 200, by_name.content
    assert [p["id"] for p in by_name.json()] == [valentina.applicant_id]
    assert [p["surname"] for p in by_number.json()] == ["Restrepo Gómez"]


def test_a_search_needs_enough_to_identify_and_well_formed_values(contact_centre, valentina):
    assert invalid_names(search(contact_centre, surname="Restrepo Gómez")) == {"date_of_birth"}
    assert invalid_names(search(contact_centre, v_number="12")) == {"v_number"}
    assert invalid_names(search(contact_centre, bsn="123456782")) == {"bsn"}
    is_problem(search(contact_centre), 400)


def test_a_search_finds_nobody_the_caller_may_not_see(valentina):
    elsewhere = client_for("contact", units=[make_unit("asylum-unit", processes=["asylum"])])

    assert search(elsewhere, v_number="1234567890").json() == []


def test_an_applicant_may_not_search_persons(valentina):
    is_problem(search(client_for("applicant"), v_number="1234567890"), 403)


def test_the_one_view_shows_applications_and_contacts_and_records_the_view(
    contact_centre, valentina
):
    response = contact_centre.get(f"/api/v1/persons/{valentina.applicant_id}")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["person"]["v_number"] == "1234567890"
    assert [a["reference"] for a in body["applications"]] == [valentina.reference]
    assert body["appointments"] == [] and body["letters"] == [] and body["contacts"] == []
    # Who saw whose data: the processing log (indigo.audit).
    assert logged(applicant_id=valentina.applicant_id, user=contact_centre.user)


def test_a_person_the_caller_may_not_see_is_a_404_like_one_who_does_not_exist(valentina):
    elsewhere = client_for("contact", units=[make_unit("asylum-unit", processes=["asylum"])])

    hidden = is_problem(elsewhere.get(f"/api/v1/persons/{valentina.applicant_id}"), 404)
    missing = is_problem(elsewhere.get("/api/v1/persons/999999"), 404)

    assert hidden["title"] == missing["title"]


def test_a_contact_is_logged_on_the_applications_it_was_about(contact_centre, valentina):
    response = contact_centre.post(
        f"/api/v1/persons/{valentina.applicant_id}/contacts",
        {
            "channel": "phone",
            "topic": "When will I hear?",
            "notes": "Explained the decision period.",
            "applications": [valentina.reference.lower()],
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["applications"] == [valentina.reference]
    assert ApplicationEvent.objects.filter(application=valentina, action="contact-logged").exists()
    shown = contact_centre.get(f"/api/v1/persons/{valentina.applicant_id}").json()
    assert [c["topic"] for c in shown["contacts"]] == ["When will I hear?"]


def test_a_contact_about_an_unknown_application_or_with_a_wrong_channel_is_a_400(
    contact_centre, valentina
):
    url = f"/api/v1/persons/{valentina.applicant_id}/contacts"
    body = {"channel": "phone", "topic": "t", "notes": "n", "applications": ["IND-1900-000001"]}

    assert invalid_names(contact_centre.post(url, body, format="json")) == {"applications"}
    assert invalid_names(contact_centre.post(url, body | {"channel": "pigeon"}, format="json")) == {
        "channel"
    }
    assert invalid_names(contact_centre.post(url, body | {"applications": []}, format="json")) == {
        "applications"
    }
    assert not ContactMoment.objects.exists()
