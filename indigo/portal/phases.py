"""The application's phase and history in words an applicant understands (B1).

The staff screens say "Assessment"; the applicant reads what it means for them and
what happens next. Every status of `indigo.cases.models.Status` has an entry (a test
holds this), and so has every step the applicant may see in the history
(`indigo.cases.event_kinds.APPLICANT_VISIBLE`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Status

K = EventKind


@dataclass(frozen=True)
class Phase:
    title: str
    explanation: str
    step: int  # position in the steps shown to the applicant (1 to 4); 0: not on the path


PHASES: dict[str, Phase] = {
    Status.RECEIVED: Phase(
        _("We have received your application"),
        _("We will check soon if your application is complete. You do not have to do anything."),
        1,
    ),
    Status.INTAKE: Phase(
        _("We are checking if your application is complete"),
        _("We check your documents and if the fee is paid. If something is missing, we ask you."),
        1,
    ),
    Status.ASSESSMENT: Phase(
        _("We are assessing your application"),
        _(
            "We check if you meet the conditions. Sometimes we ask other organisations for "
            "information. We tell you if we need something from you."
        ),
        2,
    ),
    Status.SUSPENDED: Phase(
        _("We are waiting for information from you"),
        _(
            "We need something from you before we can go on. Read below what we need and by "
            "when. Until we have it, the time we have to decide is paused."
        ),
        2,
    ),
    Status.DECISION: Phase(
        _("We are making a decision"),
        _("We have all the information. A caseworker is now deciding on your application."),
        3,
    ),
    Status.NOTIFIED: Phase(
        _("We have made a decision"),
        _("Read our decision in the letter below. The letter also says what you can do next."),
        4,
    ),
    Status.CLOSED: Phase(
        _("Your application is finished"),
        _("We have made a decision. You can still read the letter below."),
        4,
    ),
    Status.WITHDRAWN: Phase(
        _("You have withdrawn your application"),
        _("We have stopped handling your application."),
        0,
    ),
    Status.OBJECTION: Phase(
        _("We are looking at your objection"),
        _(
            "You do not agree with our decision and have made an objection (bezwaar). We "
            "look at your application again and then make a new decision."
        ),
        3,
    ),
}

# The four steps shown as progress; Phase.step says where an application is.
PROGRESS = (
    _("Received"),
    _("Assessment"),
    _("Decision"),
    _("Letter sent"),
)

# What the applicant reads of each step of the history (the applicant-visible kinds).
EVENT_WORDS: dict[EventKind, str] = {
    K.RECEIVED: _("We received your application."),
    K.INTAKE_STARTED: _("We started checking if your application is complete."),
    K.ASSESSMENT_STARTED: _("Your application is complete. We started the assessment."),
    K.DECISION_PROPOSED: _("A caseworker is making a decision."),
    K.ASSESSMENT_REOPENED: _("We need to look at your application again before we decide."),
    K.NOTIFIED: _("We sent you our decision."),
    K.CLOSED: _("Your application is finished."),
    K.SUSPENDED: _("We paused the time we have to decide."),
    K.RESUMED: _("The time we have to decide runs again."),
    K.EXTENDED: _("We need more time to decide. We have made the decision period longer."),
    K.WITHDRAWN: _("You withdrew your application."),
    K.OBJECTION_LODGED: _("We received your objection (bezwaar)."),
    K.OBJECTION_DECIDED: _("We are making a new decision after your objection."),
    K.DOCUMENT_UPLOADED: _("A document was added to your file."),
    K.INFORMATION_REQUESTED: _("We asked you for information."),
    K.INFORMATION_ANSWERED: _("We received your answer."),
    K.NOTICE_OF_DEFAULT: _("We received your notice of default (ingebrekestelling)."),
    K.OBJECTION_HEARING_SCHEDULED: _("We planned a hearing about your objection."),
    K.OBJECTION_HEARING_HELD: _("The hearing about your objection took place."),
    K.OBJECTION_OUTCOME: _("We decided on your objection. You will get a letter."),
    K.APPEAL_LODGED: _("We received notice of your appeal to the court."),
    K.APPEAL_JUDGMENT: _("The court gave its judgment on your appeal."),
    K.COMPLAINT_LODGED: _("We received your complaint."),
    K.COMPLAINT_ANSWERED: _("We answered your complaint."),
    K.NEW_DECISION_ORDERED: _("The court asked us to make a new decision."),
    K.INTENTION_SENT: _(
        "We sent you a letter: we intend to refuse your application. You may respond in "
        "writing before we decide."
    ),
    K.VIEW_RECEIVED: _("We received your response to our intention."),
}


def phase_of(status: str) -> Phase:
    return PHASES[status]
