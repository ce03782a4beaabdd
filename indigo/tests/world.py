"""One small world with every kind of user and something of each to look at, for the
access matrix and the bad-input corpus (tests only)."""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.information_requests import information_request_create
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.desks.services import appointment_book
from indigo.desks.tests.factories import desk_employee, grant_notified, make_desk, make_type
from indigo.dossier.tests.factories import make_document
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user, sponsored_application

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 9, 7)  # a Monday, before the desks open
NOW = datetime.combine(TODAY, time(8), tzinfo=AMSTERDAM)

# Every kind of user the matrix checks. There is no partner-agency user in Indigo:
# partner agencies are called by Indigo (outbox), they do not log in.
USER_KINDS = (
    "anonymous",
    "applicant_a",
    "applicant_b",
    "sponsor_a",
    "sponsor_b",
    "caseworker_regular",
    "caseworker_asylum",
    "specialist",
    "desk",
    "contact",
    "manager",
    "privacy",
    "superuser",
)


@dataclass
class World:
    users: dict
    own: object  # applicant_a's application (online, regular economic)
    other: object  # applicant_b's application
    asylum: object  # an asylum application (paper), only for the asylum unit
    sponsored: object  # filed by sponsor_a
    sponsored_b: object  # filed by sponsor_b
    document: object  # on `own`
    task: object  # the regular caseworker's handle task on `own`
    appointment: object  # applicant_a's desk appointment
    info_request: object  # on `own`
    regular_unit: object
    asylum_unit: object

    def subjects(self):
        """Every person in the world: (applicant id, surname)."""
        apps = [self.own, self.other, self.asylum, self.sponsored, self.sponsored_b]
        return [(a.applicant_id, a.applicant.surname) for a in apps]


def build_world() -> World:
    regular = make_unit("regular-zwolle", processes=["regular-economic", "regular-social"])
    asylum_unit = make_unit("asylum-ter-apel", processes=["asylum"], city="Ter Apel")
    specialists = make_unit(
        "bureau-documenten",
        kind="specialist",
        specialisms=["document-examination"],
        city="Rijswijk",
    )
    contact_unit = make_unit(
        "contact-centre", kind="contact-centre", processes=["regular-economic", "regular-social"]
    )
    users = {
        "applicant_a": user_with_role("applicant", username="applicant-a"),
        "applicant_b": user_with_role("applicant", username="applicant-b"),
        "caseworker_regular": user_with_role("caseworker", units=[regular], username="cw-reg"),
        "caseworker_asylum": user_with_role("caseworker", units=[asylum_unit], username="cw-asy"),
        "specialist": user_with_role("specialist", units=[specialists], username="spec"),
        "contact": user_with_role("contact", units=[contact_unit], username="contact"),
        "manager": user_with_role("manager", units=[regular], username="manager"),
        "privacy": user_with_role("privacy", units=[], username="privacy"),
        "superuser": get_user_model().objects.create_superuser("root", password="x"),
    }
    own = make_application(
        actor=users["applicant_a"], product="study", surname="Ownperson", v_number="1111111111"
    )
    other = make_application(
        actor=users["applicant_b"], product="study", surname="Otherperson", v_number="2222222222"
    )
    asylum = make_application(
        actor=users["caseworker_asylum"], product="asylum", surname="Asylumperson"
    )
    sponsor_a, sponsor_b = make_sponsor("Universiteit A"), make_sponsor("Universiteit B")
    users["sponsor_a"] = make_sponsor_user(sponsor_a, username="sponsor-a")
    users["sponsor_b"] = make_sponsor_user(sponsor_b, username="sponsor-b")
    sponsored = sponsored_application(sponsor_a, actor=users["sponsor_a"], surname="Sponsoreda")
    sponsored_b = sponsored_application(sponsor_b, actor=users["sponsor_b"], surname="Sponsoredb")

    document = make_document(actor=users["caseworker_regular"], application=own)
    for action in ("start-intake", "start-assessment"):
        own = application_act(actor=users["caseworker_regular"], application=own, action=action)
    task = own.tasks.filter(assignee=users["caseworker_regular"]).first()
    info_request = information_request_create(
        actor=users["caseworker_regular"],
        application=own,
        what="A copy of the diploma.",
        until=date(2026, 10, 1),
    )

    biometrics = make_type("biometrics")
    desk = make_desk(seats={biometrics: 2})
    users["desk"] = desk_employee(desk, username="desk")
    grant_notified(own)
    appointment = appointment_book(
        actor=users["applicant_a"],
        application=own,
        desk=desk,
        appointment_type=biometrics,
        starts_at=datetime.combine(date(2026, 9, 8), time(9), tzinfo=AMSTERDAM),
    )
    return World(
        users=users,
        own=own,
        other=other,
        asylum=asylum,
        sponsored=sponsored,
        sponsored_b=sponsored_b,
        document=document,
        task=task,
        appointment=appointment,
        info_request=info_request,
        regular_unit=regular,
        asylum_unit=asylum_unit,
    )
