from datetime import date

import pytest
import time_machine

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.information_requests import information_request_create
from indigo.cases.models import Applicant
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.contacts.selectors import person_overview
from indigo.contacts.services import contact_log

pytestmark = pytest.mark.usefixtures("catalog")


def log(actor, application, topic):
    return contact_log(
        actor=actor,
        applicant=application.applicant,
        channel="phone",
        topic=topic,
        notes="Notes.",
        applications=[application],
    )


def test_the_overview_holds_only_the_applications_the_user_may_see(agent):
    study = make_application(v_number="1234567890")
    make_application(product="asylum", v_number="1234567890")

    overview = person_overview(user=agent, applicant=study.applicant)

    assert [facts.application for facts in overview.applications] == [study]


def test_the_overview_of_a_person_the_user_may_not_see_does_not_exist(agent):
    asylum = make_application(product="asylum")

    with pytest.raises(Applicant.DoesNotExist):
        person_overview(user=agent, applicant=asylum.applicant)


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_the_overview_shows_deadline_facts_and_open_information_requests(agent):
    caseworker = user_with_role("caseworker")
    application = make_application(product="highly-skilled-migrant")
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    information_request_create(
        actor=caseworker,
        application=application,
        what="A signed employment contract.",
        until=date(2026, 3, 16),
    )

    (facts,) = person_overview(user=agent, applicant=application.applicant).applications

    assert facts.deadline.suspended
    assert [r.what for r in facts.open_requests] == ["A signed employment contract."]


def test_the_contact_log_is_newest_first(agent):
    application = make_application()
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False):
        log(agent, application, "First call")
    with time_machine.travel("2026-03-03 09:00 +01:00", tick=False):
        log(agent, application, "Second call")

    overview = person_overview(user=agent, applicant=application.applicant)

    assert [c.topic for c in overview.contacts] == ["Second call", "First call"]


def test_a_contact_about_an_invisible_application_stays_out_of_the_log(agent):
    study = make_application(v_number="1234567890")
    asylum = make_application(product="asylum", v_number="1234567890")
    asylum_desk = user_with_role(
        "desk", units=[make_unit("asylum-desk", kind="desk", processes=["asylum"])]
    )
    log(asylum_desk, asylum, "About the asylum interview")
    log(agent, study, "About the study permit")

    overview = person_overview(user=agent, applicant=study.applicant)

    assert [c.topic for c in overview.contacts] == ["About the study permit"]


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_the_whole_view_has_appointments_letters_messages_and_card_status(agent):
    """Issue 11: one page with all of the person, and nothing of asylum."""
    from indigo.decisions.models import Decision
    from indigo.desks.models import Appointment
    from indigo.desks.tests.factories import grant_notified, make_desk, make_type

    caseworker = user_with_role("caseworker")
    study = make_application(v_number="1234567890")
    asylum = make_application(product="asylum", v_number="1234567890")
    for action in ("start-intake", "start-assessment"):
        study = application_act(actor=caseworker, application=study, action=action)
    information_request_create(
        actor=caseworker, application=study, what="Your diploma.", until=date(2026, 3, 16)
    )
    grant_notified(study)
    collect = make_type("collect-residence-document", minutes=10, biometrics=True, document=True)
    desk = make_desk(seats={collect: 1})
    for application in (study, asylum):
        Appointment.objects.create(
            desk=desk,
            appointment_type=collect,
            application=application,
            applicant=application.applicant,
            starts_at="2026-03-10T09:00+01:00",
            ends_at="2026-03-10T09:10+01:00",
            seat=1 if application == study else 2,
            code=f"C{application.pk:07d}",
            booked_by=caseworker,
            created_at="2026-03-02T09:00+01:00",
        )

    overview = person_overview(user=agent, applicant=study.applicant)

    assert [a.application for a in overview.appointments] == [study]
    assert [d.application for d in overview.letters] == [study]
    assert Decision.objects.filter(application=asylum).count() == 0
    assert any(m.what == "Your diploma." and m.direction == "to" for m in overview.messages)
    assert [(c.application, str(c.status)) for c in overview.cards] == [(study, "Ready to collect")]
