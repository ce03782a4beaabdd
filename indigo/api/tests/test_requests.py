"""Requests to the applicant through the API: ask, list, reply with a document."""

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.api.tests.conftest import client_for, invalid_names, is_problem
from indigo.cases.models import InformationRequest, Status
from indigo.cases.tests.factories import make_application
from indigo.dossier.tests.files import tiny_pdf

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _monday():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


@pytest.fixture
def applicant():
    return client_for("applicant")


@pytest.fixture
def application(applicant):
    return make_application(actor=applicant.user)


def ask(caseworker, application, **body):
    return caseworker.post(
        f"/api/v1/applications/{application.reference}/information-requests",
        {"what": "A readable copy of your passport.", "until": "2026-03-30"} | body,
        format="json",
    )


def test_a_request_suspends_the_application_and_is_listed(caseworker, applicant, application):
    response = ask(caseworker, application)
    listed = applicant.get(f"/api/v1/applications/{application.reference}/information-requests")

    assert response.status_code == 201, response.content
    assert response.json()["requested_by"] == caseworker.user.username
    application.refresh_from_db()
    assert application.status == Status.SUSPENDED
    body = listed.json()
    assert [r["what"] for r in body] == ["A readable copy of your passport."]
    assert body[0]["open"] is True and body[0]["requested_by"] is None


def test_a_request_with_a_period_in_the_past_or_unknown_fields_is_a_400(caseworker, application):
    assert invalid_names(ask(caseworker, application, until="2026-03-01")) == {"until"}
    assert invalid_names(ask(caseworker, application, cc="x")) == {"cc"}
    assert invalid_names(ask(caseworker, application, until="tomorrow")) == {"until"}
    assert not InformationRequest.objects.exists()


def test_a_second_request_while_suspended_is_a_409(caseworker, application):
    ask(caseworker, application)

    problem = is_problem(ask(caseworker, application), 409)

    assert InformationRequest.objects.count() == 1
    assert "resume" in problem["possibleActions"]


def test_an_applicant_may_not_ask_and_a_stranger_cannot_see(caseworker, applicant, application):
    is_problem(ask(applicant, application), 403)
    stranger = client_for("applicant")
    is_problem(
        stranger.get(f"/api/v1/applications/{application.reference}/information-requests"), 404
    )


def test_the_applicant_replies_with_a_document_and_the_period_runs_again(
    caseworker, applicant, application
):
    request_id = ask(caseworker, application).json()["id"]

    response = applicant.post(
        f"/api/v1/applications/{application.reference}/information-requests/{request_id}/reply",
        {
            "answer": "Here it is.",
            "document_type": "passport",
            "file": SimpleUploadedFile("p.pdf", tiny_pdf(), content_type="application/pdf"),
        },
        format="multipart",
    )

    assert response.status_code == 200, response.content
    assert response.json()["open"] is False and response.json()["answer"] == "Here it is."
    application.refresh_from_db()
    assert application.status != Status.SUSPENDED
    assert application.documents.filter(document_type__code="passport").exists()


def test_a_reply_twice_is_a_409_and_an_empty_reply_a_400(caseworker, applicant, application):
    request_id = ask(caseworker, application).json()["id"]
    url = f"/api/v1/applications/{application.reference}/information-requests/{request_id}/reply"

    empty = applicant.post(url, {"answer": " "}, format="json")
    first = applicant.post(url, {"answer": "Sent by post."}, format="json")
    second = applicant.post(url, {"answer": "Again."}, format="json")

    assert invalid_names(empty) == {"answer"}
    assert first.status_code == 200
    is_problem(second, 409)


def test_a_reply_to_an_unknown_request_is_a_404(applicant, application):
    is_problem(
        applicant.post(
            f"/api/v1/applications/{application.reference}/information-requests/999/reply",
            {"answer": "x"},
            format="json",
        ),
        404,
    )
