"""Lifecycle hooks of decisions, called by `indigo.cases.services.application_act`
inside its transaction (like those of `indigo.work.services`).

- Notifying needs a final decision: a grant, or a refusal a second caseworker
  approved. No refusal leaves the agency on the system's word alone (R10).
- Notifying makes the letter, stores it in the dossier and records that it was sent.
- Leaving the decision phase otherwise (back to assessment, withdrawn) sets the open
  decision aside: it was never notified.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.events import event_record
from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Application, Status
from indigo.decisions import letters
from indigo.decisions.models import Decision
from indigo.dossier.services import document_store_generated
from indigo.errors import Conflict


def _open(application: Application) -> Decision | None:
    return (
        Decision.objects.select_for_update(of=("self",))
        .filter(application=application, notified_on__isnull=True, set_aside_at__isnull=True)
        .first()
    )


def before_transition(*, application: Application, action: str, actor) -> None:
    """Refuse to notify before there is a final decision."""
    if action != "notify":
        return
    decision = _open(application)
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


def after_transition(
    *, application: Application, action: str, actor, to_status: str, on=None
) -> None:
    if action == "notify":
        letter_send(application=application, actor=actor, notified_on=on or clock.today())
        return
    transition = TRANSITIONS.get(action)
    left_decision = transition is not None and Status.DECISION in transition.sources
    if left_decision and to_status != Status.DECISION:
        decision = _open(application)
        if decision is not None:
            decision.set_aside_at = clock.now()
            decision.save(update_fields=["set_aside_at"])
            event_record(
                application=application,
                actor=actor,
                action="decision-set-aside",
                effective_on=on,
                payload={"decision": decision.pk, "because": action},
            )


def letter_send(*, application: Application, actor, notified_on) -> Decision:
    """Mark the open decision notified, store its letter (PDF) and record the sending."""
    assert transaction.get_connection().in_atomic_block, "the letter goes with the notification"
    decision = _open(application)
    decision.application = application
    html = letters.letter_html(decision, notified_on=notified_on, for_pdf=True)
    pdf = letters.letter_pdf(html)
    sender = actor if getattr(actor, "is_authenticated", False) else decision.decided_by
    document = document_store_generated(
        actor=sender,
        application=application,
        document_type_code=letters.DOCUMENT_TYPE,
        content=pdf,
        name=letters.letter_file_name(application),
    )
    decision.notified_on = notified_on
    decision.letter = document
    decision.save(update_fields=["notified_on", "letter"])
    event_record(
        application=application,
        actor=actor,
        action="letter-sent",
        effective_on=notified_on,
        payload={
            "decision": decision.pk,
            "outcome": decision.outcome,
            "document": document.pk,
            "sha256": document.sha256,
            "language": letters.letter_language(application),
            "objection_period_ends": letters.objection_period_ends(
                application=application, notified_on=notified_on
            ).isoformat(),
        },
    )
    return decision
