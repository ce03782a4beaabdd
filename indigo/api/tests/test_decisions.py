"""Assessing and deciding through the API: facts, findings, decision, approval, fast track."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.api.tests.conftest import client_for, invalid_names, is_problem
from indigo.cases.models import Status
from indigo.cases.tests.factories import make_application
from indigo.decisions.tests.factories import (
    SEED_STUDENT,
    make_application_for,
    record_facts,
    to_assessment,
    to_decision,
)
from indigo.rules.models import Fact
from indigo.rules.services import ensure_parameters

TODAY = date(2026, 8, 3)  # a Monday


@pytest.fixture(autouse=True)
def _today(catalog):
    ensure_parameters()
    moment = datetime.combine(TODAY, time(12), tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False):
        yield


@pytest.fixture
def student(caseworker):
    """The seed's student, sponsored by her university; in the decision phase."""

    def make(phase="decision", **facts):
        application = make_application_for(
            actor=caseworker.user,
            product="study",
            customer_group="recognised-sponsor",
            given_names="Valentina",
            surname="Restrepo Gómez",
        )
        record_facts(application, caseworker.user, **(SEED_STUDENT | facts))
        if phase == "assessment":
            return to_assessment(application, caseworker.user)
        return to_decision(application, caseworker.user)

    return make


def test_facts_are_listed_with_their_kind_and_source(caseworker, student):
    application = student()

    facts = caseworker.get(f"/api/v1/applications/{application.reference}/facts").json()

    admitted = next(f for f in facts if f["name"] == "admitted_to_programme")
    assert admitted["kind"] == "bool"
    assert admitted["current"]["value"] is True
    assert admitted["current"]["source"] == "sponsor"


def test_a_fact_is_recorded_with_its_source(caseworker, student):
    application = student()

    response = caseworker.post(
        f"/api/v1/applications/{application.reference}/facts",
        {"name": "criminal_record", "value": True, "source": "partner", "source_detail": "Justid"},
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["current"]["value"] is True and body["current"]["source_detail"] == "Justid"
    assert body["earlier"][0]["value"] is False


def test_a_fact_of_the_wrong_type_or_an_unknown_fact_is_a_400_and_nothing_is_recorded(
    caseworker, student
):
    application = student()
    url = f"/api/v1/applications/{application.reference}/facts"
    before = Fact.objects.count()

    wrong_type = caseworker.post(
        url, {"name": "programme_end_date", "value": "soon", "source": "sponsor"}, format="json"
    )
    unknown = caseworker.post(
        url, {"name": "favourite_colour", "value": "blue", "source": "sponsor"}, format="json"
    )
    extra = caseworker.post(
        url,
        {"name": "criminal_record", "value": False, "source": "partner", "sauce": "x"},
        format="json",
    )

    assert invalid_names(wrong_type) == {"value"}
    assert invalid_names(unknown) == {"name"}
    assert invalid_names(extra) == {"sauce"}
    assert Fact.objects.count() == before


def test_an_applicant_may_record_only_their_own_statements(catalog):
    applicant = client_for("applicant")
    application = make_application(actor=applicant.user)
    url = f"/api/v1/applications/{application.reference}/facts"

    own = applicant.post(
        url, {"name": "admitted_to_programme", "value": True, "source": "applicant"}, format="json"
    )
    as_partner = applicant.post(
        url, {"name": "criminal_record", "value": False, "source": "partner"}, format="json"
    )

    assert own.status_code == 201, own.content
    is_problem(as_partner, 403)


def test_the_facts_of_an_application_the_caller_cannot_see_are_a_404(student):
    application = student()
    is_problem(
        client_for("applicant").get(f"/api/v1/applications/{application.reference}/facts"), 403
    )
    outsider = client_for("caseworker", units=[])
    is_problem(outsider.get(f"/api/v1/applications/{application.reference}/facts"), 404)


def test_the_findings_give_each_condition_with_explanations_and_citation(caseworker, student):
    application = student()

    body = caseworker.get(f"/api/v1/applications/{application.reference}/findings").json()

    assert body["proposal"] == "grant" and body["all_met"] is True
    finding = body["findings"][0]
    assert finding["outcome"] == "met" and finding["outcome_label"] == "Met"
    assert finding["legal_basis"] and finding["explanation_nl"] and finding["explanation_en"]
    assert finding["explanation_nl"] != finding["explanation_en"]


def test_a_decision_is_recorded_and_shown(caseworker, student):
    application = student()
    url = f"/api/v1/applications/{application.reference}/decision"

    recorded = caseworker.post(url, {"outcome": "grant"}, format="json")
    shown = caseworker.get(url).json()

    assert recorded.status_code == 201, recorded.content
    assert shown["outcome"] == "grant" and shown["deviates_from_proposal"] is False
    assert shown["letter"] is None
    assert shown["decided_by"] == caseworker.user.username


def test_a_refusal_without_motivation_is_a_400_and_nothing_is_recorded(caseworker, student):
    application = student()

    response = caseworker.post(
        f"/api/v1/applications/{application.reference}/decision",
        {"outcome": "refuse"},
        format="json",
    )

    assert invalid_names(response) == {"motivation"}
    assert not application.decisions.exists()


def test_deciding_before_the_decision_phase_is_a_409_with_the_possible_actions(caseworker, student):
    application = student(phase="assessment")

    problem = is_problem(
        caseworker.post(
            f"/api/v1/applications/{application.reference}/decision",
            {"outcome": "grant"},
            format="json",
        ),
        409,
    )

    assert "record" not in problem["possibleActions"]
    assert not application.decisions.exists()


def test_a_decision_that_does_not_exist_yet_is_a_404(caseworker, student):
    application = student()

    is_problem(caseworker.get(f"/api/v1/applications/{application.reference}/decision"), 404)


def test_a_second_caseworker_approves_a_refusal_but_not_the_first(caseworker, colleague, student):
    application = student()
    url = f"/api/v1/applications/{application.reference}/decision"
    refusal = caseworker.post(
        url, {"outcome": "refuse", "motivation": "Not admitted after all."}, format="json"
    ).json()

    own = caseworker.post(
        f"/api/v1/applications/{application.reference}/decision/approval",
        {"decision": refusal["id"]},
        format="json",
    )
    wrong = colleague.post(f"{url}/approval", {"decision": refusal["id"] + 1}, format="json")
    approved = colleague.post(f"{url}/approval", {"decision": refusal["id"]}, format="json")

    is_problem(own, 403)
    assert "approve" in is_problem(wrong, 409)["possibleActions"]
    assert approved.status_code == 200, approved.content
    assert approved.json()["approved_by"] == colleague.user.username
    assert invalid_names(colleague.post(f"{url}/approval", {}, format="json")) == {"decision"}


def test_only_a_caseworker_may_decide(student):
    application = student()
    manager = client_for("manager")

    is_problem(
        manager.post(
            f"/api/v1/applications/{application.reference}/decision",
            {"outcome": "grant"},
            format="json",
        ),
        403,
    )


def test_the_fast_track_grants_and_the_letter_is_a_document_link(
    caseworker, student, deliver_outbox
):
    application = student()
    url = f"/api/v1/applications/{application.reference}/decision"

    response = caseworker.post(f"{url}/fast-track")
    deliver_outbox()
    shown = caseworker.get(url).json()
    letter = caseworker.get(shown["letter"]["href"])

    assert response.status_code == 200, response.content
    assert response.json()["fast_track"] is True
    application.refresh_from_db()
    assert application.status == Status.NOTIFIED
    assert shown["notified_on"] == "2026-08-03"
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"


def test_the_fast_track_is_a_409_without_the_sponsors_statement(caseworker, student):
    application = student(sponsor_vouched=False)

    problem = is_problem(
        caseworker.post(f"/api/v1/applications/{application.reference}/decision/fast-track"),
        409,
    )

    assert "has not declared" in problem["detail"]
    assert problem["possibleActions"] == ["record"]
    assert not application.decisions.exists()


def test_the_fast_track_refuses_a_body_with_unknown_fields(caseworker, student):
    application = student()

    response = caseworker.post(
        f"/api/v1/applications/{application.reference}/decision/fast-track",
        {"force": True},
        format="json",
    )

    assert invalid_names(response) == {"force"}
    assert not application.decisions.exists()


def test_an_applicant_gets_the_same_403_for_any_decision_operation(catalog):
    applicant = client_for("applicant")
    application = make_application(actor=applicant.user)

    is_problem(applicant.get(f"/api/v1/applications/{application.reference}/decision"), 403)


def test_the_findings_are_for_staff_who_see_the_application(student):
    application = student()

    is_problem(
        client_for("applicant").get(f"/api/v1/applications/{application.reference}/findings"),
        403,
    )
    outsider = client_for("caseworker", units=[])
    is_problem(outsider.get(f"/api/v1/applications/{application.reference}/findings"), 404)
