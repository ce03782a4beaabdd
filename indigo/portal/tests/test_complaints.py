"""Making a complaint in the portal (Dutch and English)."""

import pytest
from django.urls import reverse

from indigo.cases.tests.factories import make_application
from indigo.complaints.models import Complaint

pytestmark = pytest.mark.usefixtures("catalog", "on_a_monday")


def test_an_applicant_complains_about_the_handling_time_of_their_application(portal, person):
    application = make_application(product="study", actor=person)

    response = portal.post(
        reverse("portal:complaint-new"),
        {
            "category": "handling-time",
            "application": application.reference,
            "description": "I have waited four months.",
            "complainant_name": "Valentina Restrepo",
            "email": "valentina@example.org",
        },
        follow=True,
    )

    complaint = Complaint.objects.get()
    assert (complaint.channel, complaint.application, complaint.account) == (
        "portal",
        application,
        person,
    )
    assert "We will answer you no later than 13 April 2026" in response.content.decode()


def test_the_form_is_in_dutch_for_a_dutch_browser(portal):
    page = portal.get(reverse("portal:complaint-new"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert '<html lang="nl"' in page


def test_without_any_way_to_answer_the_form_says_so_and_nothing_is_sent(portal):
    response = portal.post(
        reverse("portal:complaint-new"),
        {
            "category": "information",
            "description": "The website said something else.",
            "complainant_name": "Valentina Restrepo",
            "email": "",
        },
    )

    assert response.status_code == 400
    assert "at least one way to answer" in response.content.decode()
    assert not Complaint.objects.exists()


def test_someone_elses_application_cannot_be_chosen(portal, caseworker_application):
    response = portal.post(
        reverse("portal:complaint-new"),
        {
            "category": "information",
            "application": caseworker_application.reference,
            "description": "x",
            "complainant_name": "V",
            "email": "v@example.org",
        },
    )

    assert response.status_code == 400
    assert not Complaint.objects.exists()


@pytest.fixture
def caseworker_application():
    return make_application(product="study")
