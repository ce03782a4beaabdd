"""Every kind of application event, in one enumeration (the vocabulary of the history).

Writers pass a member of `EventKind` to `indigo.cases.events.event_record`, readers
match on members, so a misspelt kind is an AttributeError at import, not an e-mail
that silently never leaves. The stored value is the enumeration's value; values never
change, because the history keeps them for ever.

`PAYLOAD` documents the fields each kind carries in its JSON payload; `event_record`
refuses a kind that is not here and a payload field that is not documented for it.
Lifecycle steps all carry `decision_due` (the deadline after the step).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    # The lifecycle (indigo.cases.lifecycle): receipt and every transition.
    RECEIVED = "receive", _("Application received")
    INTAKE_STARTED = "start-intake", _("Start intake")
    ASSESSMENT_STARTED = "start-assessment", _("Start assessment")
    DECISION_PROPOSED = "propose-decision", _("Propose decision")
    ASSESSMENT_REOPENED = "reopen-assessment", _("Back to assessment")
    NOTIFIED = "notify", _("Notify decision")
    CLOSED = "close", _("Close")
    SUSPENDED = "suspend", _("Suspend (waiting for the applicant)")
    RESUMED = "resume", _("Resume")
    EXTENDED = "extend", _("Extend decision period")
    WITHDRAWN = "withdraw", _("Withdraw")
    OBJECTION_LODGED = "lodge-objection", _("Register objection")
    OBJECTION_DECIDED = "decide-objection", _("Decide on objection")
    # The dossier.
    DOCUMENT_UPLOADED = "document-uploaded", _("Document added to the dossier")
    # Work.
    OWNERSHIP_TAKEN = "take-ownership", _("Caseworker took ownership")
    OWNER_REASSIGNED = "reassign-owner", _("Ownership reassigned")
    TASK_ASSIGNED = "assign-task", _("Task assigned")
    TASK_COMPLETED = "complete-task", _("Task result recorded")
    # Contact with the applicant.
    CONTACT_LOGGED = "contact-logged", _("Contact with the applicant")
    INFORMATION_REQUESTED = "request-information", _("Information requested from the applicant")
    INFORMATION_ANSWERED = "answer-information", _("Applicant supplied the information")
    FEE_PAID = "fee-paid", _("Fee paid")
    # Assessment and decision.
    FACT_RECORDED = "fact-recorded", _("Fact recorded")
    MISUSE_SIGNAL = "misuse-signal", _("Signal for a specialist")
    MISUSE_SIGNAL_RESOLVED = "misuse-signal-resolved", _("Signal assessed by a specialist")
    DECISION_RECORDED = "decision-recorded", _("Decision recorded")
    DECISION_APPROVED = "decision-approved", _("Refusal approved by a second caseworker")
    DECISION_SET_ASIDE = "decision-set-aside", _("Decision set aside")
    LETTER_SENT = "letter-sent", _("Decision letter sent")
    # Recognised sponsors.
    SPONSOR_APPLIED = "sponsor-applied", _("Applied for by the recognised sponsor")
    SPONSOR_CHANGE_REPORTED = "sponsor-change-reported", _("Change reported by the sponsor")
    # Service desks.
    APPOINTMENT_BOOKED = "appointment-booked", _("Appointment booked")
    APPOINTMENT_MOVED = "appointment-moved", _("Appointment moved")
    APPOINTMENT_CANCELLED = "appointment-cancelled", _("Appointment cancelled")
    APPOINTMENT_NO_SHOW = "appointment-no-show", _("Applicant did not come to the appointment")
    APPLICANT_IDENTIFIED = "applicant-identified", _("Applicant identified at the desk")
    BIOMETRICS_TAKEN = "biometrics-taken", _("Biometrics taken")
    DOCUMENT_ISSUED = "residence-document-issued", _("Residence document handed out")
    # Issue 14: penalties, objections, appeals and complaints after the decision.
    NOTICE_OF_DEFAULT = "notice-of-default", _("Notice of default received")
    COURT_PENALTY = "court-penalty", _("Penalty set by a court recorded")
    OBJECTION_REGISTERED = "objection-registered", _("Objection registered")
    OBJECTION_HEARING_SCHEDULED = "objection-hearing-scheduled", _("Objection hearing scheduled")
    OBJECTION_HEARING_HELD = "objection-hearing-held", _("Objection hearing held")
    OBJECTION_HEARING_WAIVED = "objection-hearing-waived", _("Objection hearing waived")
    OBJECTION_ADJOURNED = "objection-adjourned", _("Decision on the objection adjourned")
    OBJECTION_OUTCOME = "objection-outcome", _("Outcome of the objection recorded")
    APPEAL_LODGED = "appeal-lodged", _("Appeal to the court registered")
    APPEAL_HEARING_SCHEDULED = "appeal-hearing-scheduled", _("Court hearing scheduled")
    PROVISIONAL_MEASURE_REQUESTED = (
        "provisional-measure-requested",
        _("Provisional measure requested"),
    )
    PROVISIONAL_MEASURE_DECIDED = (
        "provisional-measure-decided",
        _("Court decided on the provisional measure"),
    )
    APPEAL_JUDGMENT = "appeal-judgment", _("Court judgment recorded")
    COMPLAINT_LODGED = "complaint-lodged", _("Complaint received")
    COMPLAINT_ANSWERED = "complaint-answered", _("Complaint answered")
    # Issue 10: intended refusal (voornemen) and written view (zienswijze).
    INTENTION_SENT = "intention-sent", _("Intended refusal sent")
    VIEW_RECEIVED = "view-received", _("Written view received")
    INTENTION_LETTER_SENT = "intention-letter-sent", _("Letter with the intended refusal sent")
    # Issue 11: advice on request, tasks returned to their queue.
    ADVICE_REQUESTED = "advice-requested", _("Advice requested")
    TASK_RETURNED = "return-task", _("Task returned to its queue")
    # Issue 13: partner agencies (asked by Indigo, and reporting to it).
    PARTNER_ASKED = "partner-asked", _("Information requested from a partner agency")
    PARTNER_ANSWERED = "partner-answered", _("A partner agency answered")
    PARTNER_REPORTED = "partner-reported", _("Reported by a partner agency")
    NEW_DECISION_ORDERED = "order-new-decision", _("New decision ordered by the court")
    # Issue 10: a fee that is not known yet is never free: intake charges it later.
    FEE_NOT_CHARGED = "fee-not-charged", _("Fee not charged yet: its amount is not known")


K = EventKind
_STEP = frozenset({"decision_due"})
_APPOINTMENT = frozenset({"appointment", "desk", "type", "starts_at"})

# The payload fields of each kind (see the module docstring).
PAYLOAD: dict[EventKind, frozenset[str]] = {
    K.RECEIVED: _STEP | {"product", "product_version_valid_from", "customer_group", "channel"},
    K.INTAKE_STARTED: _STEP,
    K.ASSESSMENT_STARTED: _STEP,
    K.DECISION_PROPOSED: _STEP,
    K.ASSESSMENT_REOPENED: _STEP,
    K.NOTIFIED: _STEP,
    K.CLOSED: _STEP,
    # kind: the suspension's ground; until: the end of the repair period, if any.
    K.SUSPENDED: _STEP | {"kind", "until"},
    K.RESUMED: _STEP | {"suspended_days"},
    K.EXTENDED: _STEP | {"extension"},
    K.WITHDRAWN: _STEP,
    # late: lodged after the objection period ended (admissibility to be decided).
    K.OBJECTION_LODGED: _STEP | {"objection_period_ends", "late"},
    K.OBJECTION_DECIDED: _STEP,
    # generated: made by the agency itself (a letter), not uploaded.
    K.DOCUMENT_UPLOADED: frozenset({"type", "version", "sha256", "size", "generated"}),
    # task: the task's code; from/to: usernames (staff only, never shown to applicants).
    K.OWNERSHIP_TAKEN: frozenset({"task", "from", "to"}),
    K.OWNER_REASSIGNED: frozenset({"task", "from", "to"}),
    K.TASK_ASSIGNED: frozenset({"task", "from", "to"}),
    K.TASK_COMPLETED: frozenset({"task", "outcome"}),
    K.CONTACT_LOGGED: frozenset({"channel", "contact_id"}),
    K.INFORMATION_REQUESTED: frozenset({"request", "until", "language"}),
    K.INFORMATION_ANSWERED: frozenset({"request"}),
    K.FEE_PAID: frozenset({"amount_eur", "payment"}),
    # name: a fact of the rules' vocabulary; source: where the value came from.
    K.FACT_RECORDED: frozenset({"name", "source"}),
    K.MISUSE_SIGNAL: frozenset({"kind", "signal", "task"}),
    K.MISUSE_SIGNAL_RESOLVED: frozenset({"kind", "signal", "status"}),
    K.DECISION_RECORDED: frozenset(
        {
            "decision",
            "outcome",
            "proposal",
            "needs_approval",
            "valid_from",
            "valid_until",
            "fast_track",
            "replaces",
        }
    ),
    K.DECISION_APPROVED: frozenset({"decision", "decided_by"}),
    # because: the lifecycle step that set the unnotified decision aside.
    K.DECISION_SET_ASIDE: frozenset({"decision", "because"}),
    K.LETTER_SENT: frozenset(
        {"decision", "outcome", "document", "sha256", "language", "objection_period_ends"}
    ),
    K.SPONSOR_APPLIED: frozenset(
        {
            "sponsor_kvk_number",
            "authorisation",
            "authorisation_given_on",
            "authorisation_how",
        }
    ),
    K.SPONSOR_CHANGE_REPORTED: frozenset(
        {"report", "kind", "on", "sponsor_kvk_number", "duty_weeks", "report_by", "within_duty"}
    ),
    K.APPOINTMENT_BOOKED: _APPOINTMENT,
    K.APPOINTMENT_MOVED: frozenset({"from", "to"}),
    K.APPOINTMENT_CANCELLED: _APPOINTMENT | {"because"},
    K.APPOINTMENT_NO_SHOW: _APPOINTMENT,
    K.APPLICANT_IDENTIFIED: _APPOINTMENT | {"document"},
    K.BIOMETRICS_TAKEN: _APPOINTMENT,
    K.DOCUMENT_ISSUED: _APPOINTMENT | {"card_number"},
    # Issue 14. premature: received before the decision period passed (no penalty).
    K.NOTICE_OF_DEFAULT: frozenset(
        {"notice", "received_on", "period_ends", "premature", "penalty_starts_on", "exempt"}
    ),
    K.COURT_PENALTY: frozenset(
        {"court_penalty", "decide_by", "eur_per_day", "max_total_eur", "appeal"}
    ),
    K.OBJECTION_REGISTERED: frozenset(
        {"objection", "lodged_on", "late", "by", "representative", "decision_due"}
    ),
    K.OBJECTION_HEARING_SCHEDULED: frozenset({"objection", "hearing_on"}),
    K.OBJECTION_HEARING_HELD: frozenset({"objection", "minutes_document"}),
    K.OBJECTION_HEARING_WAIVED: frozenset({"objection", "ground"}),
    K.OBJECTION_ADJOURNED: frozenset({"objection", "weeks", "decision_due"}),
    K.OBJECTION_OUTCOME: frozenset({"objection", "outcome"}),
    K.APPEAL_LODGED: frozenset({"appeal", "level", "court", "case_number", "lodged_on"}),
    K.APPEAL_HEARING_SCHEDULED: frozenset({"appeal", "hearing_on"}),
    K.PROVISIONAL_MEASURE_REQUESTED: frozenset({"appeal", "requested_on"}),
    K.PROVISIONAL_MEASURE_DECIDED: frozenset({"appeal", "outcome"}),
    K.APPEAL_JUDGMENT: frozenset({"appeal", "outcome", "judgment_on", "new_decision_by"}),
    K.COMPLAINT_LODGED: frozenset({"complaint", "category", "channel"}),
    K.COMPLAINT_ANSWERED: frozenset({"complaint", "outcome"}),
    # Issue 10. intention: its id; view_due: the last day for the written view; the
    # application waits for the view until then.
    K.INTENTION_SENT: frozenset({"intention", "required_by", "sent_on", "view_due"}),
    K.VIEW_RECEIVED: frozenset({"intention", "received_on", "late"}),
    K.INTENTION_LETTER_SENT: frozenset({"intention", "document", "sha256", "language"}),
    # task: the advice task's id; to: the specialism's queue or the colleague asked.
    K.ADVICE_REQUESTED: frozenset({"task", "queue", "to", "due_on"}),
    K.TASK_RETURNED: frozenset({"task", "from", "queue"}),
    # partner: the adapter's name; request_id: sent with the request and kept with the
    # facts; facts: the names filled (or asked for).
    K.PARTNER_ASKED: frozenset({"partner", "request_id", "facts"}),
    K.PARTNER_ANSWERED: frozenset({"partner", "request_id", "facts"}),
    # report: municipal-registration, border-arrival or mvv-issued; on: the day it
    # happened; partner: who reported; details: a short note (no personal data).
    K.PARTNER_REPORTED: frozenset({"report", "on", "partner", "details"}),
    K.NEW_DECISION_ORDERED: _STEP,
    K.FEE_NOT_CHARGED: frozenset({"product_version_valid_from"}),
}

# What an applicant (and a sponsor acting for them) sees of the history: the steps of
# their application, not the agency's internal work (who owns it, task results,
# integrity signals).
APPLICANT_VISIBLE = frozenset(
    {
        K.RECEIVED,
        K.INTAKE_STARTED,
        K.ASSESSMENT_STARTED,
        K.DECISION_PROPOSED,
        K.ASSESSMENT_REOPENED,
        K.NOTIFIED,
        K.CLOSED,
        K.SUSPENDED,
        K.RESUMED,
        K.EXTENDED,
        K.WITHDRAWN,
        K.OBJECTION_LODGED,
        K.OBJECTION_DECIDED,
        K.DOCUMENT_UPLOADED,
        K.INFORMATION_REQUESTED,
        K.INFORMATION_ANSWERED,
        K.NOTICE_OF_DEFAULT,
        K.OBJECTION_HEARING_SCHEDULED,
        K.OBJECTION_HEARING_HELD,
        K.OBJECTION_OUTCOME,
        K.APPEAL_LODGED,
        K.APPEAL_JUDGMENT,
        K.COMPLAINT_LODGED,
        K.COMPLAINT_ANSWERED,
        K.INTENTION_SENT,
        K.VIEW_RECEIVED,
        K.NEW_DECISION_ORDERED,
    }
)


class UnknownEventKind(ValueError):
    """A writer used a kind or a payload field the vocabulary does not have."""


def payload_check(kind: str, payload: dict) -> EventKind:
    """The kind as a member; UnknownEventKind for anything the vocabulary lacks."""
    try:
        member = EventKind(kind)
    except ValueError:
        raise UnknownEventKind(
            f"{kind!r} is not an event kind; add it to indigo.cases.event_kinds.EventKind."
        ) from None
    extra = set(payload) - PAYLOAD[member]
    if extra:
        raise UnknownEventKind(
            f"Payload field(s) {', '.join(sorted(extra))} are not documented for {kind!r} "
            "in indigo.cases.event_kinds.PAYLOAD."
        )
    return member
