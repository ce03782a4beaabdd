"""Recording the caseworker's decision: the rules propose, a person decides (R10)."""

from datetime import date

import pytest

from indigo.cases.models import ApplicationEvent, Status
from indigo.cases.services import application_act
from indigo.decisions.models import Decision
from indigo.decisions.selectors import assessment_of, decision_open
from indigo.decisions.services import decision_record
from indigo.decisions.tests.factories import make_application_for, record_facts, to_assessment
from indigo.errors import Conflict, InvalidInput, NotAllowed


def test_the_proposal_is_to_grant_when_every_condition_is_met(student):
    application = student()

    assert assessment_of(application=application).proposal == "grant"


def test_a_grant_following_the_proposal_needs_no_motivation_and_is_final(student, caseworker):
    application = student()

    decision = decision_record(actor=caseworker, application=application, outcome="grant")

    assert decision.is_final and not decision.needs_approval
    assert decision.proposal == "grant"
    assert {f["condition"] for f in decision.findings} >= {"programme-admission"}
    event = ApplicationEvent.objects.get(application=application, action="decision-recorded")
    assert event.payload["outcome"] == "grant"


def test_a_refusal_without_a_motivation_is_refused(student, caseworker):
    application = student()

    with pytest.raises(InvalidInput, match="A refusal needs a written motivation") as refused:
        decision_record(actor=caseworker, application=application, outcome="refuse")

    assert refused.value.field == "motivation"
    assert not Decision.objects.exists()


def test_deviating_from_the_proposal_without_a_motivation_is_refused(student, caseworker):
    application = student(criminal_record=True)  # a contra-indication: judgement
    assert assessment_of(application=application).proposal == "judgement"

    with pytest.raises(InvalidInput, match="You deviate from the proposal"):
        decision_record(actor=caseworker, application=application, outcome="grant")


def test_granting_differently_without_a_motivation_is_refused(student, caseworker):
    application = student()

    with pytest.raises(InvalidInput, match="Granting differently needs a written motivation"):
        decision_record(
            actor=caseworker,
            application=application,
            outcome="grant-differently",
            valid_until=date(2027, 8, 31),
        )


def test_granting_differently_needs_another_end_date_than_the_rules_give(student, caseworker):
    application = student()
    rules_end = assessment_of(application=application).validity.valid_until

    with pytest.raises(InvalidInput, match="That is the end date the rules give") as refused:
        decision_record(
            actor=caseworker,
            application=application,
            outcome="grant-differently",
            motivation="Shorter, because the passport expires earlier.",
            valid_until=rules_end,
        )

    assert refused.value.field == "valid_until"


def test_granting_differently_keeps_the_caseworkers_end_date(student, caseworker):
    application = student()

    decision = decision_record(
        actor=caseworker,
        application=application,
        outcome="grant-differently",
        motivation="Valid until the passport expires, on 31 August 2027.",
        valid_until=date(2027, 8, 31),
    )

    assert decision.valid_until == date(2027, 8, 31)
    assert decision.is_final


def test_a_refusal_while_information_is_missing_is_refused(caseworker):
    application = make_application_for(
        actor=caseworker, product="study", customer_group="recognised-sponsor"
    )
    application = to_assessment(application, caseworker)
    application.tasks.exclude(code="handle").update(state="done")
    application = application_act(
        actor=caseworker, application=application, action="propose-decision"
    )

    with pytest.raises(Conflict, match="Ask the applicant for it first") as refused:
        decision_record(
            actor=caseworker,
            application=application,
            outcome="refuse",
            motivation="No proof of admission.",
        )

    assert refused.value.code == "information-missing"


def test_a_decision_before_the_decision_phase_is_refused(caseworker):
    application = make_application_for(actor=caseworker, product="study")

    with pytest.raises(Conflict, match="Propose the decision first"):
        decision_record(actor=caseworker, application=application, outcome="grant")


def test_only_the_owner_decides_on_an_owned_application(student, colleague):
    application = student()

    with pytest.raises(NotAllowed, match="anna owns this application"):
        decision_record(actor=colleague, application=application, outcome="grant")


def test_a_new_decision_sets_the_open_one_aside(student, caseworker):
    application = student()
    first = decision_record(
        actor=caseworker, application=application, outcome="refuse", motivation="Doubts."
    )

    second = decision_record(actor=caseworker, application=application, outcome="grant")

    first.refresh_from_db()
    assert first.set_aside_at is not None
    assert decision_open(application=application) == second


def test_going_back_to_assessment_sets_the_open_decision_aside(student, caseworker):
    application = student()
    decision = decision_record(actor=caseworker, application=application, outcome="grant")

    application_act(
        actor=caseworker, application=application, action="reopen-assessment", reason="Check."
    )

    decision.refresh_from_db()
    assert decision.set_aside_at is not None
    assert ApplicationEvent.objects.filter(action="decision-set-aside").exists()


def test_notifying_without_a_decision_is_refused(student, caseworker):
    application = student()

    with pytest.raises(Conflict, match="There is no decision to notify yet"):
        application_act(actor=caseworker, application=application, action="notify")

    application.refresh_from_db()
    assert application.status == Status.DECISION


def test_a_grant_of_a_highly_skilled_migrant_needs_the_contract_end_to_set_the_validity(
    caseworker,
):
    application = make_application_for(
        actor=caseworker, product="highly-skilled-migrant", customer_group="recognised-sponsor"
    )
    record_facts(
        application,
        caseworker,
        gross_monthly_salary="6000.00",
        employer_is_recognised_sponsor=True,
        criminal_record=False,
    )
    application = to_assessment(application, caseworker)
    application.tasks.exclude(code="handle").update(state="done")
    application = application_act(
        actor=caseworker, application=application, action="propose-decision"
    )

    with pytest.raises(Conflict, match="cannot set the permit's validity yet"):
        decision_record(
            actor=caseworker, application=application, outcome="grant", motivation="Weighed."
        )
