"""Four eyes on a refusal, and what notifying a decision does: letter, dossier, event."""

import io

import pikepdf
import pytest

from indigo.cases.models import ApplicationEvent, Status
from indigo.cases.services import application_act
from indigo.decisions.services import decision_approve, decision_record
from indigo.dossier.models import Document
from indigo.errors import Conflict, NotAllowed


@pytest.fixture
def refused(student, caseworker):
    application = student(admitted_to_programme=False)
    decision_record(
        actor=caseworker,
        application=application,
        outcome="refuse",
        motivation="The university did not admit the applicant to the programme.",
    )
    return application


def test_a_refusal_awaits_approval_and_cannot_be_notified_until_approved(refused, caseworker):
    with pytest.raises(Conflict, match="needs the approval of a second caseworker") as blocked:
        application_act(actor=caseworker, application=refused, action="notify")

    assert blocked.value.code == "awaits-approval"
    refused.refresh_from_db()
    assert refused.status == Status.DECISION


def test_approving_your_own_refusal_is_refused(refused, caseworker):
    decision = refused.decisions.get()

    with pytest.raises(NotAllowed, match="You made this refusal yourself") as own:
        decision_approve(actor=caseworker, decision=decision)

    assert own.value.code == "own-decision"
    decision.refresh_from_db()
    assert decision.approved_by is None


def test_a_grant_needs_no_approval(student, caseworker, colleague):
    application = student()
    decision = decision_record(actor=caseworker, application=application, outcome="grant")

    with pytest.raises(Conflict, match="only a refusal does"):
        decision_approve(actor=colleague, decision=decision)


def test_after_another_caseworkers_approval_notifying_stores_the_letter_and_records_sending(
    refused, caseworker, colleague, deliver_outbox
):
    decision_approve(actor=colleague, decision=refused.decisions.get())

    application_act(actor=caseworker, application=refused, action="notify")
    assert refused.decisions.get().letter is None  # the worker makes it, after the commit
    assert deliver_outbox() == {"delivered": 1, "waiting": 0, "dead": 0}

    decision = refused.decisions.get()
    letter = Document.objects.get(application=refused, document_type__code="decision-letter")
    assert decision.letter == letter and decision.notified_on is not None
    assert letter.content_type == "application/pdf" and len(letter.sha256) == 64
    sent = ApplicationEvent.objects.get(application=refused, action="letter-sent")
    assert sent.payload["document"] == letter.pk
    assert sent.payload["sha256"] == letter.sha256
    assert sent.payload["objection_period_ends"] == "2026-08-31"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_letter_pdf_is_tagged_with_the_applicants_language(
    student, caseworker, language, real_pdf, deliver_outbox
):
    application = student(language=language)
    decision_record(actor=caseworker, application=application, outcome="grant")

    application_act(actor=caseworker, application=application, action="notify")
    deliver_outbox()

    letter = Document.objects.get(application=application, document_type__code="decision-letter")
    with letter.file.storage.open(letter.file.name, "rb") as stored:
        pdf = pikepdf.open(io.BytesIO(stored.read()))
    assert str(pdf.Root.Lang) == language
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert "/StructTreeRoot" in pdf.Root
    assert b'pdfuaid:part="1"' in pdf.Root.Metadata.read_bytes()
