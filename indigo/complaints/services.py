"""Complaints: lodge (with the written receipt), assign, hear, postpone, answer.

Every step writes a `ComplaintEvent`; a complaint about an application also writes its
receipt and answer on the application's history. Letters leave through the outbox.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.accounts.roles import Role, has_role, is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application
from indigo.complaints.letters import LETTER_TOPIC
from indigo.complaints.models import Complaint, ComplaintEvent
from indigo.complaints.periods import answer_due
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.outbox.services import outbox_put

STAFF_CHANNELS = {Complaint.Channel.CONTACT_CENTRE, Complaint.Channel.DESK, Complaint.Channel.POST}


def _history(complaint: Complaint, kind: str, *, actor, note: str = "") -> None:
    ComplaintEvent.objects.create(
        complaint=complaint,
        kind=kind,
        occurred_at=clock.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )


def _letter(complaint: Complaint, kind: str) -> None:
    outbox_put(
        topic=LETTER_TOPIC,
        key=f"complaint-{kind}:{complaint.pk}",
        payload={"complaint": complaint.pk, "kind": kind},
        application=complaint.application,
    )


def _staff(actor) -> None:
    if not is_staff_member(actor):
        raise NotAllowed(_("Only staff can do this."))


def complaint_lodge(
    *,
    actor,
    channel: str,
    category: str,
    description: str,
    complainant_name: str,
    email: str = "",
    phone: str = "",
    postal_address: str = "",
    application_reference: str = "",
    language: str = "nl",
    received_on: date | None = None,
    advisory_committee: bool = False,
) -> Complaint:
    """Register a complaint, confirm its receipt in writing and set its answer date."""
    today = clock.today()
    staff = is_staff_member(actor)
    if channel not in Complaint.Channel.values:
        raise InvalidInput(
            _("Choose a channel: %(choices)s.") % {"choices": ", ".join(Complaint.Channel.values)},
            field="channel",
        )
    if channel in STAFF_CHANNELS and not staff:
        raise NotAllowed(_("Only staff can register a complaint received by phone, desk or post."))
    if not staff and not has_role(actor, Role.APPLICANT) and channel != Complaint.Channel.API:
        raise NotAllowed(_("Log in to lodge a complaint."))
    if category not in Complaint.Category.values:
        raise InvalidInput(
            _("Choose what the complaint is about: %(choices)s.")
            % {"choices": ", ".join(Complaint.Category.values)},
            field="category",
        )
    if not description.strip():
        raise InvalidInput(_("Describe the complaint."), field="description")
    if not complainant_name.strip():
        raise InvalidInput(
            _("Give the name of the person who complains."), field="complainant_name"
        )
    if not (email.strip() or phone.strip() or postal_address.strip()):
        raise InvalidInput(
            _(
                "Give at least one way to answer the complainant: an e-mail address, a phone "
                "number or a postal address."
            ),
            field="email",
        )
    received = received_on or today
    # Registered late at most a year after it reached us (bounds on every door).
    limits.date_check(
        received, field="received_on", today=today, earliest=today - timedelta(days=366)
    )
    if received > today or (received_on is not None and not staff):
        raise InvalidInput(
            _("The receipt date cannot be in the future (today is %(today)s).")
            % {"today": day(today)},
            field="received_on",
        )
    application = None
    if application_reference:
        application = applications_visible_to(actor).filter(reference=application_reference).first()
        if application is None:
            raise InvalidInput(
                _("No application with reference %(reference)s that you can see.")
                % {"reference": application_reference},
                field="application",
            )
    with transaction.atomic():
        complaint = Complaint.objects.create(
            category=category,
            channel=channel,
            description=description.strip(),
            application=application,
            complainant_name=complainant_name.strip(),
            email=email.strip(),
            phone=phone.strip(),
            postal_address=postal_address.strip(),
            language=language,
            account=None if staff else actor,
            received_on=received,
            acknowledged_on=today,
            advisory_committee=advisory_committee,
            answer_due=answer_due(
                received_on=received, committee=advisory_committee, extended=False
            ),
            registered_by=actor if staff else None,
        )
        _history(complaint, ComplaintEvent.Kind.LODGED, actor=actor, note=channel)
        _history(complaint, ComplaintEvent.Kind.ACKNOWLEDGED, actor=actor)
        _letter(complaint, "acknowledgement")
        if application is not None:
            event_record(
                application=application,
                actor=actor,
                action=EventKind.COMPLAINT_LODGED,
                effective_on=received,
                payload={"complaint": complaint.pk, "category": category, "channel": channel},
            )
    return complaint


def _locked(complaint: Complaint) -> Complaint:
    locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if not locked.is_open:
        raise Conflict(
            _("This complaint was answered on %(date)s.") % {"date": day(locked.answered_on)},
            code="complaint-answered",
        )
    return locked


def complaint_assign(*, actor, complaint: Complaint, handler) -> Complaint:
    _staff(actor)
    if handler is None or not is_staff_member(handler):
        raise InvalidInput(_("Choose a member of staff as complaints handler."), field="handler")
    with transaction.atomic():
        complaint = _locked(complaint)
        complaint.handler = handler
        complaint.save(update_fields=["handler"])
        _history(complaint, ComplaintEvent.Kind.ASSIGNED, actor=actor, note=handler.get_username())
    return complaint


def complaint_hearing(*, actor, complaint: Complaint, hearing: str, note: str = "") -> Complaint:
    """The complainant is offered a hearing (Awb 9:10); record the offer and what came of it."""
    _staff(actor)
    choices = [c for c in Complaint.Hearing.values if c]
    if hearing not in choices:
        raise InvalidInput(
            _("Choose: %(choices)s.") % {"choices": ", ".join(choices)}, field="hearing"
        )
    with transaction.atomic():
        complaint = _locked(complaint)
        complaint.hearing = hearing
        complaint.save(update_fields=["hearing"])
        _history(complaint, ComplaintEvent.Kind.HEARING, actor=actor, note=f"{hearing} {note}")
    return complaint


def complaint_extend(*, actor, complaint: Complaint, reason: str, agreed_weeks: int = 0):
    """Postpone the answer once by four weeks (Awb 9:11(2)); further only with the
    complainant's written consent (9:11(3))."""
    _staff(actor)
    if not reason.strip():
        raise InvalidInput(_("Give the reason for the postponement."), field="reason")
    with transaction.atomic():
        complaint = _locked(complaint)
        if complaint.extended_on is not None and not agreed_weeks:
            raise Conflict(
                _(
                    "The answer was already postponed on %(date)s. A further postponement "
                    "needs the complainant's written consent: give the agreed weeks."
                )
                % {"date": day(complaint.extended_on)},
                code="already-extended",
            )
        complaint.extended_on = complaint.extended_on or clock.today()
        complaint.agreed_weeks += agreed_weeks
        complaint.answer_due = answer_due(
            received_on=complaint.received_on,
            committee=complaint.advisory_committee,
            extended=True,
            agreed_weeks=complaint.agreed_weeks,
        )
        complaint.save(update_fields=["extended_on", "agreed_weeks", "answer_due"])
        _history(complaint, ComplaintEvent.Kind.EXTENDED, actor=actor, note=reason.strip())
        _letter(complaint, f"extension-{complaint.answer_due:%Y%m%d}")
    return complaint


def complaint_answer(*, actor, complaint: Complaint, outcome: str, answer: str) -> Complaint:
    """Answer in writing (Awb 9:12): the findings, the reasons and any conclusions."""
    _staff(actor)
    if outcome not in Complaint.Outcome.values:
        raise InvalidInput(
            _("Choose an outcome: %(choices)s.") % {"choices": ", ".join(Complaint.Outcome.values)},
            field="outcome",
        )
    if not answer.strip():
        raise InvalidInput(_("Write the answer to the complainant."), field="answer")
    with transaction.atomic():
        complaint = _locked(complaint)
        if not complaint.hearing and outcome != Complaint.Outcome.WITHDRAWN:
            raise Conflict(
                _("Offer the complainant a hearing first (Awb 9:10)."),
                code="hearing-not-offered",
            )
        complaint.answered_on = clock.today()
        complaint.answer = answer.strip()
        complaint.outcome = outcome
        complaint.save(update_fields=["answered_on", "answer", "outcome"])
        _history(complaint, ComplaintEvent.Kind.ANSWERED, actor=actor, note=outcome)
        _letter(complaint, "answer")
        if complaint.application_id:
            event_record(
                application=Application.objects.get(pk=complaint.application_id),
                actor=actor,
                action=EventKind.COMPLAINT_ANSWERED,
                payload={"complaint": complaint.pk, "outcome": outcome},
            )
    return complaint
