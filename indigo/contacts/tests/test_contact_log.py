import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.contacts.models import ContactMoment
from indigo.contacts.services import contact_log
from indigo.errors import InvalidInput, NotAllowed

pytestmark = pytest.mark.usefixtures("catalog")


def log(actor, applicant, applications, **overrides):
    fields = {
        "channel": "phone",
        "topic": "Asks when the decision comes",
        "notes": "Explained the decision period and that it runs until June.",
    }
    return contact_log(
        actor=actor, applicant=applicant, applications=applications, **(fields | overrides)
    )


@time_machine.travel("2026-03-10 10:15 +01:00", tick=False)
def test_logging_a_contact_writes_the_contact_moment(agent):
    application = make_application()

    moment = log(agent, application.applicant, [application])

    stored = ContactMoment.objects.get()
    assert stored == moment
    assert stored.applicant == application.applicant
    assert list(stored.applications.all()) == [application]
    assert (stored.channel, stored.logged_by) == ("phone", agent)
    assert stored.topic == "Asks when the decision comes"
    assert stored.logged_at.isoformat() == "2026-03-10T09:15:00+00:00"


def test_logging_a_contact_writes_an_event_on_every_application_it_was_about(agent):
    first = make_application(v_number="1234567890")
    second = make_application(v_number="1234567890", product="highly-skilled-migrant")

    moment = log(agent, first.applicant, [first.pk, second.pk], channel="desk")

    events = ApplicationEvent.objects.filter(action="contact-logged").order_by("application_id")
    assert [e.application for e in events] == [first, second]
    for event in events:
        assert event.actor == agent
        assert event.reason == "Asks when the decision comes"
        assert event.payload == {"channel": "desk", "contact_id": moment.pk}


def test_an_application_of_another_person_is_refused(agent):
    own = make_application()
    someone_elses = make_application()

    with pytest.raises(InvalidInput) as refused:
        log(agent, own.applicant, [own, someone_elses])

    assert refused.value.field == "applications"
    assert not ContactMoment.objects.exists()
    assert not ApplicationEvent.objects.filter(action="contact-logged").exists()


def test_an_invisible_application_is_refused_with_the_same_message(agent):
    study = make_application(v_number="1234567890")
    asylum = make_application(product="asylum", v_number="1234567890")
    other = make_application()

    with pytest.raises(InvalidInput) as invisible:
        log(agent, study.applicant, [study, asylum])
    with pytest.raises(InvalidInput) as not_theirs:
        log(agent, study.applicant, [study, other])

    assert invisible.value.message == not_theirs.value.message
    assert not ContactMoment.objects.exists()


def test_a_contact_must_be_about_at_least_one_application(agent):
    application = make_application()

    with pytest.raises(InvalidInput) as refused:
        log(agent, application.applicant, [])

    assert refused.value.field == "applications"


@pytest.mark.parametrize("field", ["topic", "notes"])
def test_topic_and_notes_are_required(agent, field):
    application = make_application()

    with pytest.raises(InvalidInput) as refused:
        log(agent, application.applicant, [application], **{field: "   "})

    assert refused.value.field == field


def test_an_unknown_channel_is_refused(agent):
    application = make_application()

    with pytest.raises(InvalidInput) as refused:
        log(agent, application.applicant, [application], channel="pigeon")

    assert refused.value.field == "channel"


def test_only_staff_can_log_a_contact():
    application = make_application()

    with pytest.raises(NotAllowed):
        log(user_with_role("applicant"), application.applicant, [application])
