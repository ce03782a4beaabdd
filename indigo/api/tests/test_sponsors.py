"""Recognised sponsors through the API: list, apply, bulk upload, vouch, report changes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.api.tests.conftest import client_as, client_for, invalid_names, is_problem
from indigo.cases.models import Application
from indigo.sponsors.models import ChangeReport
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user, sponsored_application

HEADER = (
    "product;given_names;surname;date_of_birth;nationality;authorisation_given_on;"
    "authorisation_how;vouch;programme_name;programme_end_date;admitted_to_programme"
)
GOOD = (
    "study;Valentina;Restrepo Gómez;2001-03-14;COL;2026-08-20;signed form;ja;"
    "MSc Water;2028-08-31;yes"
)
BAD = "study;Kofi;Mensah;2000-01-05;Ghana;2026-08-20;signed form;yes;MSc Law;2028-08-31;yes"

APPLY = {
    "product": "study",
    "applicant": {
        "given_names": "Valentina",
        "surname": "Restrepo Gómez",
        "date_of_birth": "2001-03-14",
        "nationality": "COL",
    },
    "facts": {
        "programme_name": "MSc Water Management",
        "programme_end_date": "2028-08-31",
        "admitted_to_programme": True,
    },
    "vouch": True,
    "authorisation": {"given_on": "2026-08-20", "how": "signed form"},
}


@pytest.fixture(autouse=True)
def _on_a_working_day():
    moment = datetime(2026, 9, 1, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def university(catalog):
    return make_sponsor("Universiteit van Zwolle", categories=["study"])


@pytest.fixture
def officer(university):
    return client_as(make_sponsor_user(university))


def csv(*lines) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "students.csv", ("\n".join(lines) + "\n").encode(), content_type="text/csv"
    )


def test_a_sponsor_applies_for_a_migrant_and_vouches(officer, university):
    response = officer.post("/api/v1/sponsor/applications", APPLY, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["vouched"] is True and body["sponsor"] == university.kvk_number
    application = Application.objects.get(reference=body["reference"])
    assert application.customer_group.code == "recognised-sponsor"


def test_every_problem_of_an_application_is_named_at_its_field(officer):
    body = APPLY | {
        "applicant": APPLY["applicant"] | {"date_of_birth": "2030-01-01"},
        "facts": APPLY["facts"] | {"programme_end_date": "2020-01-01"},
    }

    names = invalid_names(officer.post("/api/v1/sponsor/applications", body, format="json"))

    assert names == {"applicant.date_of_birth", "facts.programme_end_date"}
    assert not Application.objects.exists()


def test_unknown_fields_and_an_unknown_sponsor_are_a_400(officer):
    assert invalid_names(
        officer.post("/api/v1/sponsor/applications", APPLY | {"urgent": True}, format="json")
    ) == {"urgent"}
    assert invalid_names(
        officer.post("/api/v1/sponsor/applications", APPLY | {"sponsor": "99999999"}, format="json")
    ) == {"sponsor"}
    assert not Application.objects.exists()


def test_a_sponsor_lists_only_its_own_applications(officer, university, catalog):
    own = sponsored_application(university)
    sponsored_application(make_sponsor("Hogeschool Elders"), surname="Other")

    body = officer.get("/api/v1/sponsor/applications").json()

    assert [a["reference"] for a in body["results"]] == [own.reference]
    assert body["results"][0]["vouched"] is False


def test_only_sponsors_use_the_sponsor_operations(caseworker):
    is_problem(caseworker.get("/api/v1/sponsor/applications"), 403)
    is_problem(caseworker.post("/api/v1/sponsor/applications", APPLY, format="json"), 403)


def test_the_bulk_upload_files_good_rows_and_reports_broken_ones(officer):
    response = officer.post(
        "/api/v1/sponsor/applications/bulk", {"file": csv(HEADER, GOOD, BAD)}, format="multipart"
    )

    assert response.status_code == 200, response.content
    report = response.json()
    assert (report["imported"], report["failed"]) == (1, 1)
    assert [r["status"] for r in report["rows"]] == ["imported", "failed"]
    assert report["rows"][1]["errors"][0]["field"] == "nationality"
    assert Application.objects.count() == 1


def test_a_file_that_cannot_be_read_is_a_400_and_nothing_is_filed(officer):
    response = officer.post(
        "/api/v1/sponsor/applications/bulk",
        {"file": csv("product;colour", "study;blue")},
        format="multipart",
    )

    assert invalid_names(response) == {"file"}
    assert invalid_names(
        officer.post("/api/v1/sponsor/applications/bulk", {}, format="multipart")
    ) == {"file"}
    assert not Application.objects.exists()


def test_a_sponsor_vouches_once(officer, university):
    application = sponsored_application(university)
    url = f"/api/v1/applications/{application.reference}/vouch"

    first = officer.post(url)
    second = officer.post(url)

    assert first.json() == {"reference": application.reference, "vouched": True}
    is_problem(second, 409)


def test_another_organisations_application_is_a_404(officer, catalog):
    other = sponsored_application(make_sponsor("Hogeschool Elders"))

    is_problem(officer.post(f"/api/v1/applications/{other.reference}/vouch"), 404)


def test_a_change_is_reported_and_judged_against_the_duty(officer, university):
    application = sponsored_application(university)

    response = officer.post(
        "/api/v1/sponsor/change-reports",
        {
            "application": application.reference,
            "kind": "stopped-studying",
            "on": "2026-08-25",
            "details": "Deregistered on her own request.",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["within_duty"] is True


def test_a_change_report_with_a_future_day_or_an_unknown_application_is_a_400(officer, university):
    application = sponsored_application(university)
    body = {
        "application": application.reference,
        "kind": "stopped-studying",
        "on": "2026-12-01",
        "details": "x",
    }

    assert invalid_names(officer.post("/api/v1/sponsor/change-reports", body, format="json")) == {
        "on"
    }
    assert invalid_names(
        officer.post(
            "/api/v1/sponsor/change-reports",
            body | {"application": "IND-1900-000001", "on": "2026-08-25"},
            format="json",
        )
    ) == {"application"}
    assert not ChangeReport.objects.exists()


def test_an_applicant_may_not_report_changes(catalog):
    is_problem(
        client_for("applicant").post("/api/v1/sponsor/change-reports", {}, format="json"), 403
    )
