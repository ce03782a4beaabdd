"""The fast track for a recognised sponsor who vouched (R11, the seed's student)."""

import pytest

from indigo.cases.models import ApplicationEvent, Status
from indigo.decisions.services import decision_fast_track
from indigo.decisions.tests.factories import make_application_for, record_facts, to_decision
from indigo.dossier.models import Document
from indigo.errors import Conflict


def test_a_vouched_student_with_every_condition_met_is_granted_and_notified_in_one_step(
    student, caseworker, deliver_outbox
):
    application = student(phase="assessment")
    application.tasks.exclude(code="handle").update(state="done")

    application = decision_fast_track(actor=caseworker, application=application)
    deliver_outbox()  # the worker: the letter

    assert application.status == Status.NOTIFIED
    decision = application.decisions.get()
    assert decision.fast_track and decision.outcome == "grant" and decision.is_final
    assert Document.objects.filter(application=application, pk=decision.letter_id).exists()
    steps = list(
        ApplicationEvent.objects.filter(application=application)
        .filter(action__in=["propose-decision", "decision-recorded", "notify", "letter-sent"])
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert steps == ["propose-decision", "decision-recorded", "notify", "letter-sent"]


def test_the_fast_track_is_refused_when_not_every_condition_is_met(student, caseworker):
    application = student(criminal_record=True)

    with pytest.raises(Conflict, match="Not every condition is met") as refused:
        decision_fast_track(actor=caseworker, application=application)

    assert refused.value.code == "no-fast-track"
    application.refresh_from_db()
    assert application.status == Status.DECISION
    assert not application.decisions.exists()


def test_the_fast_track_is_refused_without_the_sponsors_statement(student, caseworker):
    application = student(sponsor_vouched=False, monthly_means="1500.00")

    with pytest.raises(Conflict, match="has not declared"):
        decision_fast_track(actor=caseworker, application=application)


def test_the_fast_track_waits_for_open_blocking_tasks(student, caseworker):
    application = student(phase="assessment")  # the sponsor check is still open

    with pytest.raises(Conflict, match="blocking task"):
        decision_fast_track(actor=caseworker, application=application)

    application.refresh_from_db()
    assert application.status == Status.ASSESSMENT


def test_the_fast_track_is_only_for_a_recognised_sponsors_application(caseworker):
    application = make_application_for(
        actor=caseworker, product="highly-skilled-migrant", customer_group="individual"
    )
    record_facts(application, caseworker, sponsor_vouched=True)
    application = to_decision(application, caseworker)

    with pytest.raises(Conflict, match="only for applications a recognised sponsor submitted"):
        decision_fast_track(actor=caseworker, application=application)
