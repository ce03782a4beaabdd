import pytest

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.errors import Conflict, InvalidInput, NotAllowed
from indigo.misuse.models import Signal
from indigo.misuse.services import signal_resolve, signals_detect
from indigo.misuse.tests.factories import examined
from indigo.work.models import Task
from indigo.work.services import task_reassign, work_get_next


@pytest.fixture
def signal(apply):
    application = apply()
    examined(application)
    [signal] = signals_detect(application=application)
    return signal


@pytest.fixture
def assigned(signal, specialist):
    work_get_next(actor=specialist)
    return signal


def test_the_assigned_specialist_confirms_a_signal_and_completes_the_review(assigned, specialist):
    signal = signal_resolve(
        actor=specialist, signal=assigned, confirmed=True, note="Photo page replaced."
    )

    assert (signal.status, signal.note, signal.resolved_by) == (
        Signal.Status.CONFIRMED,
        "Photo page replaced.",
        specialist,
    )
    task = Task.objects.get(pk=signal.task_id)
    assert (task.state, task.outcome, task.result) == (
        Task.State.DONE,
        Task.Outcome.CONCERNS,
        "Photo page replaced.",
    )
    event = ApplicationEvent.objects.get(action="misuse-signal-resolved")
    assert event.payload["status"] == Signal.Status.CONFIRMED
    assert event.actor == specialist


def test_a_dismissed_signal_completes_the_review_without_concerns(assigned, specialist):
    signal = signal_resolve(
        actor=specialist, signal=assigned, confirmed=False, note="Issuer's known misprint."
    )

    assert signal.status == Signal.Status.DISMISSED
    assert Task.objects.get(pk=signal.task_id).outcome == Task.Outcome.NO_CONCERNS


def test_only_the_assignee_of_the_review_can_resolve_it(signal, specialist, integrity_unit):
    colleague = user_with_role("specialist", units=[integrity_unit])
    work_get_next(actor=specialist)

    with pytest.raises(NotAllowed):
        signal_resolve(actor=colleague, signal=signal, confirmed=True, note="Looks false.")

    signal.refresh_from_db()
    assert signal.status == Signal.Status.OPEN


def test_an_unassigned_review_cannot_be_resolved(signal, specialist):
    with pytest.raises(NotAllowed):
        signal_resolve(actor=specialist, signal=signal, confirmed=True, note="Looks false.")


def test_a_caseworker_who_takes_the_review_cannot_resolve_it(signal, caseworker):
    work_get_next(actor=caseworker)  # the caseworker owns the application
    task = Task.objects.get(pk=signal.task_id)
    task_reassign(actor=caseworker, task=task, assignee=caseworker, reason="I'll look myself")

    with pytest.raises(NotAllowed, match="integrity reviews"):
        signal_resolve(actor=caseworker, signal=signal, confirmed=False, note="Fine.")

    assert Task.objects.get(pk=signal.task_id).state == Task.State.OPEN


def test_a_note_is_required(assigned, specialist):
    with pytest.raises(InvalidInput):
        signal_resolve(actor=specialist, signal=assigned, confirmed=True, note="  ")


def test_a_resolved_signal_cannot_be_resolved_again(assigned, specialist):
    signal_resolve(actor=specialist, signal=assigned, confirmed=True, note="False.")

    with pytest.raises(Conflict):
        signal_resolve(actor=specialist, signal=assigned, confirmed=False, note="Genuine.")
