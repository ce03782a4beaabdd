"""The seed's own scenario person: a Colombian student finishing her studies here.

She came first on an exchange semester, then applied for a master's programme (and
withdrew when she was admitted elsewhere); her current study application, submitted by
her university as a recognised sponsor, is in assessment. She is the demo's
`applicant` login and sees exactly these applications.
"""

from datetime import date, timedelta

from indigo.accounts.roles import Role
from indigo.cases.models import Status
from indigo.cases.services import ApplicantData
from indigo.demo.journeys import Plan, Step

SCENARIO_PERSON = ApplicantData(
    given_names="Valentina",
    surname="Restrepo Gómez",
    date_of_birth=date(2001, 5, 14),
    nationality="COL",
    v_number="3004120518",
)
SCENARIO_PRODUCTS = frozenset({"exchange", "study"})

C, D = Role.CASEWORKER, Role.DESK
SPONSORED = "Submitted by the recognised sponsor; the university vouches for her."

# (product, received days ago, final status, [(action, days ago, by, reason)])
_STORY = [
    ("exchange", 400, Status.CLOSED, [
        ("start-intake", 398, D, "Submitted by the recognised sponsor for an exchange semester."),
        ("start-assessment", 396, C, "Intake complete: the required documents are present."),
        ("propose-decision", 392, C, "All conditions are met; proposal: grant."),
        ("notify", 391, C, "Decision sent to the applicant and the university."),
        ("close", 355, C, "Residence document collected at the IND desk; file closed."),
    ]),
    ("study", 120, Status.WITHDRAWN, [
        ("start-intake", 119, C, SPONSORED),
        ("withdraw", 104, D, "She was admitted to a master's programme at another "
                             "university; the first university withdrew the application."),
    ]),
    ("study", 3, Status.ASSESSMENT, [
        ("start-intake", 3, C, SPONSORED),
        ("start-assessment", 2, C, "Intake complete: the university checked her documents."),
    ]),
]  # fmt: skip


def scenario_plans(*, today: date) -> list[Plan]:
    """Her applications, oldest first; the last one is the current study application."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    return [
        Plan(
            product,
            "scenario",
            ago(received),
            tuple(Step(action, ago(days), by, reason) for action, days, by, reason in steps),
            status,
        )
        for product, received, status, steps in _STORY
    ]
