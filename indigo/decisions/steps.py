"""What the lifecycle's steps do to decisions (see `indigo.cases.lifecycle`).

- Notifying needs a final decision: a grant, or a refusal a second caseworker
  approved. No refusal leaves the agency on the system's word alone (R10).
- Notifying marks the decision notified and puts its letter in the outbox; the worker
  renders it, stores it in the dossier and records that it was sent
  (`indigo.decisions.delivery`), so no PDF is rendered while the application is locked.
- Leaving the decision phase otherwise (back to assessment, withdrawn) sets the open
  decision aside: it was never notified.

Registered in `DecisionsConfig.ready()`; run inside the step's transaction.
"""

from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases import steps
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application
from indigo.decisions.models import Decision
from indigo.errors import Conflict
from indigo.outbox.services import outbox_put

LETTER_TOPIC = "decisions.letter"


def _open(application: Application) -> Decision | None:
    return (
        Decision.objects.select_for_update(of=("self",))
        .filter(application=application, notified_on__isnull=True, set_aside_at__isnull=True)
        .first()
    )


@steps.guard("decisions.final")
def decision_final(step: steps.Step) -> None:
    decision = _open(step.application)
    if decision is None:
        raise Conflict(
            _(
                "There is no decision to notify yet. Record the decision first: grant, "
                "refuse or grant differently."
            ),
            code="no-decision",
        )
    if decision.awaits_approval:
        raise Conflict(
            _(
                "The refusal still needs the approval of a second caseworker (four-eyes "
                "principle). Ask a colleague to approve it; then notify the decision."
            ),
            code="awaits-approval",
        )


@steps.effect("decisions.notify")
def decision_notify(step: steps.Step) -> None:
    decision = _open(step.application)
    decision.notified_on = step.on
    decision.save(update_fields=["notified_on"])
    sender = step.actor if getattr(step.actor, "is_authenticated", False) else None
    outbox_put(
        topic=LETTER_TOPIC,
        key=f"decision-letter:{decision.pk}",
        payload={"decision": decision.pk, "sent_by": sender.pk if sender else None},
        application=step.application,
    )


@steps.effect("decisions.set-aside")
def decision_set_aside(step: steps.Step) -> None:
    decision = _open(step.application)
    if decision is None:
        return
    decision.set_aside_at = clock.now()
    decision.save(update_fields=["set_aside_at"])
    event_record(
        application=step.application,
        actor=step.actor,
        action=EventKind.DECISION_SET_ASIDE,
        effective_on=step.on,
        payload={"decision": decision.pk, "because": step.action},
    )
