"""The decision letter leaves through the outbox: rendered by the worker, after the
notification's commit, then stored in the dossier with a `letter-sent` event.

Idempotent: a letter already stored is not made again.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from indigo.cases.deadline import objection_period_end
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.decisions import letters
from indigo.decisions.intentions import INTENTION_LETTER_TOPIC
from indigo.decisions.models import Decision, Intention
from indigo.decisions.steps import LETTER_TOPIC
from indigo.dossier.services import document_store_generated
from indigo.outbox import handlers

INTENTION_DOCUMENT_TYPE = "intention-letter"


@handlers.handler(LETTER_TOPIC)
def letter_deliver(message) -> str:
    decision_id = message.payload["decision"]
    decision = Decision.objects.select_related(
        "application__applicant", "application__product", "application__product_version"
    ).get(pk=decision_id)
    if decision.letter_id:
        return "the letter was already sent"
    # The slow part (0.5-1.5 s), outside every lock.
    pdf = letters.letter_pdf(
        letters.letter_html(decision, notified_on=decision.notified_on, for_pdf=True)
    )
    sent_by = message.payload.get("sent_by")
    with transaction.atomic():
        decision = Decision.objects.select_for_update(of=("self",)).get(pk=decision_id)
        if decision.letter_id:
            return "the letter was already sent"
        application = decision.application
        actor = get_user_model().objects.get(pk=sent_by) if sent_by else decision.decided_by
        document = document_store_generated(
            actor=actor,
            application=application,
            document_type_code=letters.DOCUMENT_TYPE,
            content=pdf,
            name=letters.letter_file_name(application),
        )
        decision.letter = document
        decision.save(update_fields=["letter"])
        event_record(
            application=application,
            actor=actor,
            action=EventKind.LETTER_SENT,
            effective_on=decision.notified_on,
            payload={
                "decision": decision.pk,
                "outcome": decision.outcome,
                "document": document.pk,
                "sha256": document.sha256,
                "language": letters.letter_language(application),
                "objection_period_ends": objection_period_end(
                    application, notified_on=decision.notified_on
                ).isoformat(),
            },
        )
    return f"letter stored as document {document.pk}"


@handlers.handler(INTENTION_LETTER_TOPIC)
def intention_letter_deliver(message) -> str:
    """The letter with the intended refusal: rendered by the worker, stored in the
    dossier with an `intention-letter-sent` event. Idempotent."""
    intention_id = message.payload["intention"]
    intention = Intention.objects.select_related(
        "application__applicant", "application__product", "application__product_version"
    ).get(pk=intention_id)
    if intention.letter_id:
        return "the intention letter was already sent"
    pdf = letters.letter_pdf(letters.intention_html(intention, for_pdf=True))
    with transaction.atomic():
        intention = Intention.objects.select_for_update(of=("self",)).get(pk=intention_id)
        if intention.letter_id:
            return "the intention letter was already sent"
        application = intention.application
        document = document_store_generated(
            actor=intention.sent_by,
            application=application,
            document_type_code=INTENTION_DOCUMENT_TYPE,
            content=pdf,
            name=letters.intention_file_name(application),
        )
        intention.letter = document
        intention.save(update_fields=["letter"])
        event_record(
            application=application,
            actor=intention.sent_by,
            action=EventKind.INTENTION_LETTER_SENT,
            payload={
                "intention": intention.pk,
                "document": document.pk,
                "sha256": document.sha256,
                "language": letters.letter_language(application),
            },
        )
    return f"intention letter stored as document {document.pk}"
