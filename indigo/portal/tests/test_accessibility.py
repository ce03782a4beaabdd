"""The accessibility statement in the national model, and its feedback route."""

import pytest
from django.conf import settings
from django.urls import reverse

from indigo.portal.models import AccessibilityReport

STATEMENT_URL = "/toegankelijkheid"


def test_the_statement_lives_at_toegankelijkheid():
    assert reverse("accessibility-statement") == STATEMENT_URL


@pytest.mark.parametrize(
    ("language", "sections"),
    [
        (
            "en",
            [
                "Statement",
                "Compliance status",
                "What we have done",
                "Approval",
                "Feedback and contact",
                "Enforcement procedure",
            ],
        ),
        (
            "nl",
            [
                "Verklaring",
                "Nalevingsstatus",
                "Wat wij hebben gedaan",
                "Akkoordverklaring",
                "Feedback en contactgegevens",
                "Handhavingsprocedure",
            ],
        ),
    ],
)
def test_the_statement_has_the_sections_of_the_national_model(client, db, language, sections):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    html = client.get(STATEMENT_URL).content.decode()

    for section in sections:
        assert f">{section}</h2>" in html, section
    assert reverse("portal:accessibility-report") in html


def test_the_status_is_honest_c_with_an_audit_planned(client, db):
    html = client.get(STATEMENT_URL).content.decode()

    assert "Status: C \u2013 first measures taken." in html
    assert "audit by an independent expert before 28 May 2027" in html
    assert "[job title of the authorised official]" in html


def test_a_report_is_stored_and_confirmed_with_a_number(client, db):
    response = client.post(
        reverse("portal:accessibility-report"),
        {
            "page": "Step Documents",
            "description": "My screen reader does not read the upload button.",
            "contact": "",
        },
        follow=True,
    )

    report = AccessibilityReport.objects.get()
    assert report.description == "My screen reader does not read the upload button."
    assert report.language == "en"
    assert report.user is None
    assert report.number in response.content.decode()


def test_a_report_without_a_description_says_what_to_do(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    response = client.post(reverse("portal:accessibility-report"), {"description": " "})

    assert response.status_code == 400
    assert "Vertel ons wat er misging." in response.content.decode()
    assert not AccessibilityReport.objects.exists()


def test_anonymous_reports_are_limited_per_hour(client, db, settings):
    settings.INDIGO_ACCESSIBILITY_ANONYMOUS_PER_HOUR = 3
    answers = [
        client.post(
            reverse("portal:accessibility-report"),
            {"page": "Start", "description": f"Report {n}", "contact": ""},
        ).status_code
        for n in range(5)
    ]

    assert answers == [302, 302, 302, 400, 400]
    assert AccessibilityReport.objects.count() == 3


def test_a_logged_in_applicant_can_report_beyond_the_anonymous_limit(client, db, settings):
    from indigo.accounts.tests.factories import user_with_role

    settings.INDIGO_ACCESSIBILITY_ANONYMOUS_PER_HOUR = 0
    client.force_login(user_with_role("applicant"))

    response = client.post(
        reverse("portal:accessibility-report"), {"page": "Start", "description": "Hard to read"}
    )

    assert response.status_code == 302
