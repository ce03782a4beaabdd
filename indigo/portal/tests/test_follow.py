"""Following an application: in words, with dates, what is needed, and the letter."""

from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import APPLICANT_VISIBLE
from indigo.cases.information_requests import information_request_create
from indigo.cases.models import InformationRequest, Status
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.dossier.models import Document, DocumentAccess
from indigo.dossier.services import document_store_generated
from indigo.dossier.tests.files import tiny_pdf
from indigo.portal.phases import EVENT_WORDS, PHASES
from indigo.portal.tests.helpers import pdf

pytestmark = pytest.mark.usefixtures("catalog", "on_a_monday")


@pytest.fixture
def caseworker():
    return user_with_role("caseworker")


@pytest.fixture
def application(person):
    return make_application(product="family-partner", actor=person)


def detail(application):
    return reverse("portal:application", args=[application.reference])


def ask(caseworker, application):
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    return information_request_create(
        actor=caseworker,
        application=application,
        what="A copy of the marriage certificate, translated into English.",
        until=date(2026, 3, 16),
    )


def test_every_status_and_visible_step_has_words_for_the_applicant():
    assert set(PHASES) == set(Status.values)
    assert set(EVENT_WORDS) == set(APPLICANT_VISIBLE)


def test_the_page_says_the_phase_in_words_and_the_decision_date(portal, application):
    html = portal.get(detail(application)).content.decode()

    assert "We have received your application" in html
    assert application.decision_due.strftime("%-d %B %Y") in html
    assert "At the moment we do not need anything from you." in html


def test_someone_elses_application_is_not_found(client, application):
    client.force_login(user_with_role("applicant"))

    assert client.get(detail(application)).status_code == 404
    assert client.get(reverse("portal:letter", args=[application.reference])).status_code == 404
    assert client.get(reverse("portal:application", args=["IND-0000-NOPE"])).status_code == 404


def test_an_application_of_the_same_person_filed_by_staff_is_not_shown(portal, caseworker):
    filed_by_staff = make_application(product="family-partner", actor=caseworker)

    assert portal.get(detail(filed_by_staff)).status_code == 404


def test_an_open_request_says_what_is_needed_and_by_when(portal, application, caseworker):
    ask(caseworker, application)

    html = portal.get(detail(application)).content.decode()

    assert "We are waiting for information from you" in html
    assert "A copy of the marriage certificate, translated into English." in html
    assert "Monday 16 March 2026" in html
    assert "the time we have to decide is paused" in html.lower()


def test_a_reply_with_a_document_answers_the_request_and_resumes_the_period(
    portal, application, caseworker
):
    request = ask(caseworker, application)

    response = portal.post(
        reverse("portal:reply", args=[application.reference, request.pk]),
        {"answer": "", "document_type": "marriage-certificate", "file": pdf()},
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.answered_at is not None
    assert "Marriage certificate" in request.answer
    application.refresh_from_db()
    assert application.status == Status.ASSESSMENT
    assert Document.objects.get(application=application).document_type.code == (
        "marriage-certificate"
    )


def test_a_reply_with_a_wrong_file_answers_nothing_and_says_why_in_dutch(
    portal, application, caseworker
):
    request = ask(caseworker, application)
    portal.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    response = portal.post(
        reverse("portal:reply", args=[application.reference, request.pk]),
        {
            "answer": "Hier is het.",
            "document_type": "marriage-certificate",
            "file": SimpleUploadedFile("akte.pdf", b"GIF89a" + b"\x00" * 50),
        },
    )

    assert response.status_code == 400
    assert "De inhoud van het bestand is een GIF-afbeelding" in response.content.decode()
    assert InformationRequest.objects.get(pk=request.pk).is_open
    assert not Document.objects.exists()


def test_an_empty_reply_asks_for_an_answer_or_a_document(portal, application, caseworker):
    request = ask(caseworker, application)

    response = portal.post(reverse("portal:reply", args=[application.reference, request.pk]), {})

    assert response.status_code == 400
    assert "Write what you are sending, or attach it." in response.content.decode()


def test_the_decision_letter_can_be_downloaded_and_the_download_is_recorded(
    portal, person, application, caseworker
):
    document_store_generated(
        actor=caseworker,
        application=application,
        document_type_code="decision-letter",
        content=tiny_pdf(),
        name="besluit.pdf",
    )

    html = portal.get(detail(application)).content.decode()
    response = portal.get(reverse("portal:letter", args=[application.reference]))

    assert "Download the letter" in html
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == tiny_pdf()
    access = DocumentAccess.objects.get()
    assert (access.user, access.kind, access.context) == (person, "download", "portal:letter")


def test_without_a_letter_there_is_nothing_to_download(portal, application):
    assert portal.get(reverse("portal:letter", args=[application.reference])).status_code == 404


def test_the_history_shows_the_applicants_steps_not_internal_work(portal, application, caseworker):
    application_act(actor=caseworker, application=application, action="start-intake")

    html = portal.get(detail(application)).content.decode()

    assert "We received your application." in html
    assert "We started checking if your application is complete." in html
    assert "fact-recorded" not in html
