from datetime import date

import pytest
import time_machine
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.audit.models import ProcessingRecord
from indigo.audit.tests.helpers import logged
from indigo.cases.information_requests import information_request_create
from indigo.cases.models import ApplicationEvent
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.contacts.models import ContactMoment

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    client.user = agent
    return client


def person_url(applicant):
    return reverse("contacts:person-detail", args=[applicant.pk])


def test_the_search_page_keeps_its_url_name_for_the_navigation():
    assert reverse("contacts:person-search") == "/contacts/persons"


def test_an_applicant_cannot_open_the_person_screens(client):
    application = make_application()
    client.force_login(user_with_role("applicant"))

    assert client.get(reverse("contacts:person-search")).status_code == 403
    assert client.get(person_url(application.applicant)).status_code == 403


def test_the_search_page_links_to_the_person_found(agent_client):
    application = make_application(v_number="1234567890")

    html = agent_client.get(
        reverse("contacts:person-search"), {"v_number": "1234567890"}
    ).content.decode()

    assert person_url(application.applicant) in html


def test_an_incomplete_search_shows_what_to_give(agent_client):
    response = agent_client.get(
        reverse("contacts:person-search"), {"surname": "Janssen", "v_number": ""}
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert "Give a V-number, a reference, or a surname with a date of birth." in html
    assert 'aria-describedby="id_date_of_birth_error"' in html
    assert 'id="id_date_of_birth_error"' in html


def test_a_search_that_finds_nobody_says_so_without_hinting_at_other_procedures(agent_client):
    make_application(product="asylum", v_number="1234567890")

    html = agent_client.get(
        reverse("contacts:person-search"), {"v_number": "1234567890"}
    ).content.decode()

    assert "No person found with these details." in html


def test_the_page_of_a_person_with_only_invisible_applications_is_not_found(agent_client):
    asylum = make_application(product="asylum")

    assert agent_client.get(person_url(asylum.applicant)).status_code == 404
    assert not ProcessingRecord.objects.exists()


def test_the_person_page_shows_only_the_applications_the_user_may_see(agent_client):
    study = make_application(v_number="1234567890")
    asylum = make_application(product="asylum", v_number="1234567890")

    html = agent_client.get(person_url(study.applicant)).content.decode()

    assert reverse("staff:application-detail", args=[study.reference]) in html
    assert asylum.reference not in html


def test_the_person_page_and_the_search_are_recorded_in_the_processing_log(agent_client):
    first = make_application(v_number="1234567890")
    other = make_application(v_number="2234567890")

    agent_client.get(reverse("contacts:person-search"), {"v_number": "1234567890"})
    agent_client.get(person_url(first.applicant))

    assert logged(applicant_id=first.applicant_id, user=agent_client.user) == {
        "contacts:person-search",
        "contacts:person",
    }
    assert logged(applicant_id=other.applicant_id) == set()


def test_logging_a_contact_from_the_page_redirects_back_with_a_message(agent_client):
    application = make_application()

    response = agent_client.post(
        person_url(application.applicant),
        {
            "channel": "phone",
            "topic": "Asks about the decision",
            "notes": "Told her the decision period runs until June.",
            "applications": [application.pk],
        },
        follow=True,
    )
    html = response.content.decode()

    assert response.redirect_chain == [(person_url(application.applicant), 302)]
    assert "The contact was logged." in html
    assert "Told her the decision period runs until June." in html  # the contact log
    assert ApplicationEvent.objects.filter(
        application=application, action="contact-logged"
    ).exists()


def test_a_contact_about_an_application_of_someone_else_is_refused_on_the_page(agent_client):
    application = make_application()
    other = make_application()

    response = agent_client.post(
        person_url(application.applicant),
        {"channel": "phone", "topic": "x", "notes": "y", "applications": [other.pk]},
    )

    assert response.status_code == 200
    assert 'aria-describedby="id_applications_error"' in response.content.decode()
    assert not ContactMoment.objects.exists()


def test_a_contact_without_a_topic_shows_the_error_at_the_field(agent_client):
    application = make_application()

    html = agent_client.post(
        person_url(application.applicant),
        {"channel": "phone", "topic": "", "notes": "y", "applications": [application.pk]},
    ).content.decode()

    assert 'aria-invalid="true"' in html
    assert 'id="id_topic_error"' in html
    assert not ContactMoment.objects.exists()


def test_the_application_timeline_shows_the_logged_contact(agent_client):
    application = make_application()
    agent_client.post(
        person_url(application.applicant),
        {
            "channel": "desk",
            "topic": "Collects permit",
            "notes": "Card handed over.",
            "applications": [application.pk],
        },
    )

    html = agent_client.get(
        reverse("staff:application-detail", args=[application.reference])
    ).content.decode()

    assert "Contact with the applicant" in html
    assert "Collects permit" in html


def test_the_search_page_is_in_dutch_when_dutch_is_chosen(agent_client):
    agent_client.post(reverse("set_language"), {"language": "nl"})

    html = agent_client.get(reverse("contacts:person-search")).content.decode()

    assert 'lang="nl"' in html
    assert "Persoon zoeken" in html
    assert "Of op achternaam en geboortedatum" in html


def test_the_person_page_is_in_dutch_when_dutch_is_chosen(agent_client):
    application = make_application()
    agent_client.post(reverse("set_language"), {"language": "nl"})

    html = agent_client.get(person_url(application.applicant)).content.decode()

    assert 'lang="nl"' in html
    assert "Contactlog" in html
    assert "Contact vastleggen" in html


def test_the_person_page_shows_open_information_requests(agent_client):
    caseworker = user_with_role("caseworker")
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False):
        application = make_application(product="highly-skilled-migrant")
        for action in ("start-intake", "start-assessment"):
            application = application_act(actor=caseworker, application=application, action=action)
        information_request_create(
            actor=caseworker,
            application=application,
            what="A signed employment contract.",
            until=date(2026, 3, 16),
        )

        html = agent_client.get(person_url(application.applicant)).content.decode()

    assert "Open requests" in html
    assert "A signed employment contract. (until 16 March 2026)" in html
    assert "Yes: waiting for the applicant" in html
