"""The operations of the apps after the decision and of partner agencies, called the way
a client calls them: each one for success and for a refusal that reveals nothing."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.api.tests.conftest import client_as, client_for, is_problem
from indigo.cases.models import Application
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.decisions.models import Decision
from indigo.decisions.tests.factories import final_decision
from indigo.objections.services import (
    objection_decide,
    objection_hearing_waive,
    objection_register,
)
from indigo.penalties.tests.helpers import decide

MONDAY = datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def _on_a_monday(catalog):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def anna():
    return user_with_role("caseworker", username="anna")


@pytest.fixture
def refused(anna):
    application = make_application(product="study", actor=anna)
    return decide(application, actor=anna, outcome=Decision.Outcome.REFUSE)


@pytest.fixture
def stranger():
    """An applicant who is not the one of these applications."""
    return client_for("applicant")


def test_objections_are_registered_read_and_acted_on_by_staff_and_hidden_from_others(
    anna, refused, stranger
):
    api = client_as(anna)
    ref = refused.reference

    created = api.post(
        f"/api/v1/applications/{ref}/objections",
        {"lodged_on": "2026-03-02", "grounds": "My admission letter was overlooked."},
        format="json",
    )
    assert created.status_code == 201, created.content
    objection = created.json()["id"]
    listed = api.get(f"/api/v1/applications/{ref}/objections")
    one = api.get(f"/api/v1/applications/{ref}/objections/{objection}")
    waived = api.post(
        f"/api/v1/applications/{ref}/objections/{objection}/actions/waive-hearing",
        {"ground": "objector-waived"},
        format="json",
    )

    assert [o["id"] for o in listed.json()] == [objection]
    assert one.json()["decision_due"] == "2026-05-11"
    assert waived.status_code == 200, waived.content
    assert waived.json()["hearing_waived"] == "objector-waived"
    # Reading: an application one cannot see is a 404; handling: staff only, a 403
    # that depends on the role alone.
    for response in (
        stranger.get(f"/api/v1/applications/{ref}/objections"),
        stranger.get(f"/api/v1/applications/{ref}/objections/{objection}"),
    ):
        is_problem(response, 404)
    for response in (
        stranger.post(
            f"/api/v1/applications/{ref}/objections",
            {"lodged_on": "2026-03-02", "grounds": "x"},
            format="json",
        ),
        stranger.post(
            f"/api/v1/applications/{ref}/objections/{objection}/actions/decide",
            {"outcome": "unfounded", "reason": "x"},
            format="json",
        ),
    ):
        assert is_problem(response, 403)["code"] == "role-not-allowed"


def test_an_appeal_comes_after_the_objection_and_is_hidden_from_others(anna, refused, stranger):
    api = client_as(anna)
    ref = refused.reference
    body = {"court": "Rechtbank Den Haag", "case_number": "NL26.1", "lodged_on": "2026-03-02"}

    too_early = api.post(f"/api/v1/applications/{ref}/appeals", body, format="json")
    assert is_problem(too_early, 409)["code"] == "remedy-is-objection"

    objection = objection_register(
        actor=anna, application=refused, lodged_on=date(2026, 3, 2), grounds="No."
    )
    objection_hearing_waive(actor=anna, objection=objection, ground="objector-waived")
    objection_decide(actor=anna, objection=objection, outcome="unfounded", reason="Same.")
    application = Application.objects.get(pk=refused.pk)
    final_decision(application, anna, outcome=Decision.Outcome.REFUSE)
    application_act(actor=anna, application=application, action="notify")

    created = api.post(f"/api/v1/applications/{ref}/appeals", body, format="json")
    assert created.status_code == 201, created.content
    appeal = created.json()["id"]
    scheduled = api.post(
        f"/api/v1/applications/{ref}/appeals/{appeal}/actions/schedule-hearing",
        {"hearing_on": "2026-05-12"},
        format="json",
    )

    assert scheduled.json()["hearing_on"] == "2026-05-12"
    assert [a["id"] for a in api.get(f"/api/v1/applications/{ref}/appeals").json()] == [appeal]
    assert api.get(f"/api/v1/applications/{ref}/appeals/{appeal}").json()["court"] == (
        "Rechtbank Den Haag"
    )
    for response in (
        stranger.get(f"/api/v1/applications/{ref}/appeals"),
        stranger.get(f"/api/v1/applications/{ref}/appeals/{appeal}"),
    ):
        is_problem(response, 404)
    for response in (
        stranger.post(f"/api/v1/applications/{ref}/appeals", body, format="json"),
        stranger.post(
            f"/api/v1/applications/{ref}/appeals/{appeal}/actions/schedule-hearing",
            {"hearing_on": "2026-05-13"},
            format="json",
        ),
    ):
        assert is_problem(response, 403)["code"] == "role-not-allowed"


def test_notices_of_default_are_registered_by_staff_only(anna):
    application = make_application(product="study", actor=anna)
    api = client_as(anna)

    created = api.post(
        f"/api/v1/applications/{application.reference}/notices-of-default",
        {"received_on": "2026-03-02"},
        format="json",
    )
    listed = api.get(f"/api/v1/applications/{application.reference}/notices-of-default")

    assert created.status_code == 201, created.content
    assert created.json()["premature"] is True
    assert [n["id"] for n in listed.json()] == [created.json()["id"]]
    sponsor = client_for("sponsor")
    for response in (
        sponsor.get(f"/api/v1/applications/{application.reference}/notices-of-default"),
        sponsor.post(
            f"/api/v1/applications/{application.reference}/notices-of-default",
            {"received_on": "2026-03-02"},
            format="json",
        ),
    ):
        is_problem(response, 403)


def test_a_complaint_is_handled_by_staff_and_not_by_the_complainant(anna):
    complainant = client_for("applicant")
    complaint = complainant.post(
        "/api/v1/complaints",
        {
            "category": "handling-time",
            "description": "I have been waiting for four months.",
            "complainant_name": "Valentina Restrepo Gómez",
            "email": "valentina@example.org",
        },
        format="json",
    ).json()["id"]

    refused = complainant.post(
        f"/api/v1/complaints/{complaint}/actions/assign",
        {"handler": "anna"},
        format="json",
    )
    assigned = client_as(anna).post(
        f"/api/v1/complaints/{complaint}/actions/assign",
        {"handler": "anna"},
        format="json",
    )

    is_problem(refused, 403)
    assert assigned.status_code == 200, assigned.content
    assert assigned.json()["handler"] == "anna"


def test_partner_reports_and_residence_questions_are_for_partner_agencies_only(anna):
    make_application(product="family-partner", v_number="1234567890")
    partner = client_for("partner")
    staff = client_as(anna)
    report = {"v_number": "1234567890", "report": "border-arrival", "on": "2026-03-01"}
    question = {"v_number": "1234567890", "purpose": "Identity check, case 2026-0042"}

    assert partner.post("/api/v1/partner-reports", report, format="json").status_code == 202
    answer = partner.post("/api/v1/residence-status", question, format="json")
    assert answer.status_code == 200, answer.content
    assert answer.json()["application_pending"] is True
    is_problem(
        partner.post(
            "/api/v1/residence-status", question | {"v_number": "9999999999"}, format="json"
        ),
        404,
    )
    is_problem(staff.post("/api/v1/partner-reports", report, format="json"), 403)
    is_problem(staff.post("/api/v1/residence-status", question, format="json"), 403)
