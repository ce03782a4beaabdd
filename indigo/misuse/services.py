"""Raising misuse signals and resolving them.

A signal routes an application to a specialist — a blocking integrity review in the
`specialism:integrity-review` queue — and nothing more: it never changes the
application's status and never decides. The specialist confirms or dismisses it, and
the review's outcome goes back to the owning caseworker as advice, like any task.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application
from indigo.errors import Conflict, InvalidInput, NotAllowed
from indigo.misuse import conf, detectors, selectors
from indigo.misuse.models import Signal
from indigo.organisation.selectors import queues_of
from indigo.work import services as work
from indigo.work import urgency
from indigo.work.models import Task


def _review_task(application: Application) -> Task:
    today = clock.today()
    return Task.objects.create(
        application=application,
        code=conf.REVIEW_TASK,
        queue=conf.REVIEW_QUEUE,
        blocking=True,
        expected_days=conf.REVIEW_EXPECTED_DAYS,
        due_on=min(today + timedelta(days=conf.REVIEW_DUE_DAYS), application.decision_due),
        start_by=urgency.start_by(
            decision_due=application.decision_due, expected_days=conf.REVIEW_EXPECTED_DAYS
        ),
    )


def _known(application: Application) -> tuple[set[str], defaultdict[str, set]]:
    """The kinds with an open signal, and what resolved signals rested on, by kind."""
    open_kinds, seen = set(), defaultdict(set)
    for signal in Signal.objects.filter(application=application).only("kind", "status", "evidence"):
        if signal.status == Signal.Status.OPEN:
            open_kinds.add(signal.kind)
        else:
            seen[signal.kind] |= detectors.grounds(signal.kind, signal.evidence)
    return open_kinds, seen


def signals_detect(*, application: Application) -> list[Signal]:
    """Run every detector on an active application; return the signals newly raised.

    Idempotent: a kind with an open signal is not raised again, nor is a kind a
    specialist already resolved unless there is a new ground (see detectors.GROUNDS).
    Applications that are no longer active (notified, closed, withdrawn) are left alone.
    """
    with transaction.atomic():
        app = Application.objects.select_for_update().get(pk=application.pk)
        if app.status not in ACTIVE:
            return []
        findings = detectors.detect(
            selectors.subject_of(application_id=app.pk),
            thresholds=conf.thresholds_on(clock.today()),
        )
        open_kinds, seen = _known(app)
        raised = []
        for finding in findings:
            if finding.kind in open_kinds:
                continue
            resolved = seen.get(finding.kind)
            if resolved and detectors.grounds(finding.kind, finding.evidence) <= resolved:
                continue  # a specialist already weighed all of this
            task = _review_task(app)
            signal = Signal.objects.create(
                application=app,
                kind=finding.kind,
                reason_en=finding.reason_en,
                reason_nl=finding.reason_nl,
                evidence=finding.evidence,
                detected_at=clock.now(),
                task=task,
            )
            event_record(
                application=app,
                actor=None,
                action=EventKind.MISUSE_SIGNAL,
                reason=finding.reason_en,
                payload={"kind": finding.kind, "signal": signal.pk, "task": task.code},
            )
            open_kinds.add(finding.kind)
            raised.append(signal)
        if raised:
            # The owner's own start_by depends on the longest open task.
            work.urgency_refresh(application=app)
    return raised


def signal_resolve(*, actor, signal: Signal, confirmed: bool, note: str) -> Signal:
    """The specialist's conclusion on a signal, which completes the integrity review."""
    note = limits.text_check(note, field="note")
    if not note.strip():
        raise InvalidInput(
            _("Write down what the review found, for the owner of the case."), field="note"
        )
    with transaction.atomic():
        signal = (
            Signal.objects.select_for_update(of=("self",))
            .select_related("task", "application")
            .get(pk=signal.pk)
        )
        if signal.status != Signal.Status.OPEN:
            raise Conflict(_("This signal was already resolved."), code="signal-resolved")
        task = signal.task
        if task is None or task.assignee_id != actor.pk:
            raise NotAllowed(
                _(
                    "Only the specialist to whom the integrity review is assigned can "
                    "resolve this signal. Take the review from your worklist first."
                ),
                code="not-review-assignee",
            )
        if conf.REVIEW_QUEUE not in queues_of(user=actor, on=clock.today()):
            raise NotAllowed(
                _("Only a member of a unit that does integrity reviews can resolve a signal."),
                code="not-integrity-specialist",
            )
        signal.status = Signal.Status.CONFIRMED if confirmed else Signal.Status.DISMISSED
        signal.note = note.strip()
        signal.resolved_by = actor
        signal.resolved_at = clock.now()
        signal.save(update_fields=["status", "note", "resolved_by", "resolved_at"])
        work.task_complete(
            actor=actor,
            task=task,
            outcome=Task.Outcome.CONCERNS if confirmed else Task.Outcome.NO_CONCERNS,
            result=signal.note,
        )
        event_record(
            application=signal.application,
            actor=actor,
            action=EventKind.MISUSE_SIGNAL_RESOLVED,
            reason=signal.note,
            payload={"kind": signal.kind, "signal": signal.pk, "status": signal.status},
        )
    return signal


def signals_sweep(*, batch_size: int = 200, progress=None) -> int:
    """Run detection over every active application; returns the signals raised.

    Each application is its own transaction, so a sweep that stops halfway can simply
    be run again: what it already raised is not raised twice.
    """
    ids = list(
        Application.objects.filter(status__in=ACTIVE).order_by("pk").values_list("pk", flat=True)
    )
    raised = 0
    for start in range(0, len(ids), batch_size):
        batch = Application.objects.filter(pk__in=ids[start : start + batch_size]).only("pk")
        for application in batch:
            raised += len(signals_detect(application=application))
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids), raised)
    return raised
