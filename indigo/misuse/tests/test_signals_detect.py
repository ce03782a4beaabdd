from datetime import timedelta

import pytest

from indigo import clock
from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import ApplicationEvent, Status
from indigo.cases.services import application_act
from indigo.errors import Conflict
from indigo.misuse import conf
from indigo.misuse.models import Signal
from indigo.misuse.services import signal_resolve, signals_detect
from indigo.misuse.tests.factories import examined, record_fact
from indigo.work import urgency
from indigo.work.models import Task
from indigo.work.services import task_complete, work_get_next


def reviews(application):
    return Task.objects.filter(application=application, code=conf.REVIEW_TASK)


def test_a_signal_routes_the_application_to_one_blocking_specialist_review(apply):
    application = apply()
    examined(application)

    [signal] = signals_detect(application=application)

    [task] = reviews(application)
    assert signal.task == task
    assert signal.status == Signal.Status.OPEN
    assert (task.queue, task.blocking, task.state) == (conf.REVIEW_QUEUE, True, Task.State.OPEN)
    assert task.start_by == urgency.start_by(
        decision_due=application.decision_due, expected_days=conf.REVIEW_EXPECTED_DAYS
    )
    assert task.due_on <= application.decision_due


def test_a_signal_is_recorded_as_an_application_event_with_its_kind_and_reason(apply):
    application = apply()
    examined(application)

    [signal] = signals_detect(application=application)

    event = ApplicationEvent.objects.get(application=application, action="misuse-signal")
    assert event.reason == signal.reason_en
    assert event.payload["kind"] == Signal.Kind.DOCUMENT_FALSE
    assert event.actor is None


def test_detecting_twice_raises_nothing_new(apply):
    application = apply()
    examined(application)
    signals_detect(application=application)

    assert signals_detect(application=application) == []
    assert Signal.objects.filter(application=application).count() == 1
    assert reviews(application).count() == 1
    assert ApplicationEvent.objects.filter(action="misuse-signal").count() == 1


def test_a_signal_never_decides_the_application_stays_where_it_was(apply, caseworker):
    application = apply()
    application = application_act(actor=caseworker, application=application, action="start-intake")
    examined(application)
    due = application.decision_due

    signals_detect(application=application)

    application.refresh_from_db()
    assert (application.status, application.decision_due) == (Status.INTAKE, due)
    assert not ApplicationEvent.objects.filter(application=application).exclude(
        action__in=["receive", "start-intake", "take-ownership", "misuse-signal"]
    )


def test_the_open_review_holds_back_a_proposed_decision(apply, caseworker):
    application = apply()
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    examined(application)
    signals_detect(application=application)

    with pytest.raises(Conflict, match=conf.REVIEW_TASK):
        application_act(actor=caseworker, application=application, action="propose-decision")


def test_a_specialist_in_integrity_review_gets_the_review_as_next_work(apply, specialist):
    application = apply()
    examined(application)
    [signal] = signals_detect(application=application)

    assert work_get_next(actor=specialist) == signal.task


def test_a_dismissed_signal_is_not_raised_again_on_the_same_evidence(apply, specialist):
    application = apply()
    examined(application)
    [signal] = signals_detect(application=application)
    work_get_next(actor=specialist)
    signal_resolve(actor=specialist, signal=signal, confirmed=False, note="Known issuer error.")

    assert signals_detect(application=application) == []


def test_new_evidence_raises_a_dismissed_kind_again(apply, specialist):
    application = apply()
    examined(application)
    [signal] = signals_detect(application=application)
    work_get_next(actor=specialist)
    signal_resolve(actor=specialist, signal=signal, confirmed=False, note="Known issuer error.")
    examined(application)

    [again] = signals_detect(application=application)

    assert again.kind == Signal.Kind.DOCUMENT_FALSE
    assert len(again.evidence["tasks"]) == 2


def test_each_kind_has_its_own_signal_and_review(apply, small_thresholds):
    application = apply(given_names="Ana")
    examined(application)
    other = apply(given_names="Maria")
    record_fact(application, "travel_document_number", "AB1234567")
    record_fact(other, "travel_document_number", "AB1234567")

    signals = signals_detect(application=application)

    assert {s.kind for s in signals} == {
        Signal.Kind.DOCUMENT_FALSE,
        Signal.Kind.SHARED_TRAVEL_DOCUMENT,
    }
    assert reviews(application).count() == 2


def test_an_application_that_is_no_longer_active_is_left_alone(apply, caseworker):
    application = apply()
    examined(application)
    application_act(actor=caseworker, application=application, action="withdraw", reason="x")

    assert signals_detect(application=application) == []
    assert not reviews(application).exists()


def test_concerns_reported_through_document_examination_raise_a_signal(apply, caseworker):
    documents = make_unit("documents", kind="specialist", specialisms=["document-examination"])
    examiner = user_with_role("specialist", units=[documents])
    application = apply(product="family-partner")
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    examination = work_get_next(actor=examiner)
    task_complete(
        actor=examiner, task=examination, outcome="concerns", result="Photo page replaced."
    )

    [signal] = signals_detect(application=application)

    assert signal.kind == Signal.Kind.DOCUMENT_FALSE
    assert signal.evidence["tasks"][0]["task_id"] == examination.pk


def _sponsor_with_withdrawals(apply, caseworker, *, withdrawn, total=4):
    others = [apply() for _ in range(total)]
    application = apply()
    for sponsored in [*others, application]:
        record_fact(sponsored, "sponsor_kvk_number", "12345678")
    for other in others[:withdrawn]:
        application_act(actor=caseworker, application=other, action="withdraw", reason="x")
    return application, others


def test_a_dismissed_signal_stays_dismissed_as_its_window_moves_on(
    apply, caseworker, specialist, small_thresholds, time_machine
):
    application, _ = _sponsor_with_withdrawals(apply, caseworker, withdrawn=2)
    [signal] = signals_detect(application=application)
    work_get_next(actor=specialist)
    signal_resolve(actor=specialist, signal=signal, confirmed=False, note="Seasonal work.")
    time_machine.move_to(clock.now() + timedelta(days=1))

    assert signals_detect(application=application) == []


def test_a_new_withdrawal_raises_a_dismissed_sponsor_signal_again(
    apply, caseworker, specialist, small_thresholds
):
    application, others = _sponsor_with_withdrawals(apply, caseworker, withdrawn=2)
    [signal] = signals_detect(application=application)
    work_get_next(actor=specialist)
    signal_resolve(actor=specialist, signal=signal, confirmed=False, note="Seasonal work.")
    application_act(actor=caseworker, application=others[2], action="withdraw", reason="x")

    [again] = signals_detect(application=application)

    assert len(again.evidence["withdrawn"]) == 3
