import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Application
from indigo.rules.models import Fact
from indigo.sponsors.models import ChangeReport
from indigo.sponsors.tests.factories import make_sponsor, sponsored_application
from indigo.sponsors.tests.test_bulk_import import BAD_NATIONALITY, GOOD, HEADER


@pytest.fixture
def portal(client, officer):
    client.force_login(officer)
    return client


def detail_url(application):
    return reverse("sponsors:application-detail", args=[application.reference])


APPLY = {
    "product": "study",
    "given_names": "Valentina",
    "surname": "Restrepo Gómez",
    "date_of_birth": "2001-03-14",
    "nationality": "COL",
    "authorisation_given_on": "2026-08-20",
    "authorisation_how": "signed form",
    "programme_name": "MSc Water Management",
    "programme_end_date": "2028-08-31",
    "admitted_to_programme": "yes",
    "vouch": "on",
}


def test_the_portal_lives_under_sponsor():
    assert reverse("sponsors:dashboard") == "/sponsor/"


@pytest.mark.parametrize("role", ["caseworker", "applicant", "sponsor"])
def test_only_users_of_a_recognised_sponsor_may_open_the_portal(client, catalog, role):
    client.force_login(user_with_role(role))  # a sponsor role, but no organisation

    assert client.get(reverse("sponsors:dashboard")).status_code == 403


def test_the_dashboard_shows_the_organisations_applications_with_their_deadline(
    portal, university, officer
):
    ours = sponsored_application(university, actor=officer)
    theirs = sponsored_application(make_sponsor("Hogeschool Noord"), surname="Mensah")

    html = portal.get(reverse("sponsors:dashboard")).content.decode()

    assert detail_url(ours) in html
    assert theirs.reference not in html
    assert "Received" in html  # the status
    assert ours.decision_due.strftime("%-d %B %Y") in html
    assert "Vouch for the migrant" in html  # asked of the sponsor


def test_applying_on_the_form_files_the_application_and_opens_it(portal, university):
    response = portal.post(reverse("sponsors:apply"), APPLY)

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(application)
    assert Fact.objects.filter(application=application, name="sponsor_vouched").exists()


def test_form_errors_are_shown_at_their_fields_and_nothing_is_filed(portal, university):
    html = portal.post(
        reverse("sponsors:apply"), {**APPLY, "nationality": "XYZ", "programme_name": ""}
    ).content.decode()

    assert 'id="id_nationality_error"' in html
    assert 'id="id_programme_name_error"' in html
    assert "ISO 3166-1 alpha-3" in html
    assert not Application.objects.exists()


def test_the_upload_shows_per_row_what_was_filed_and_what_to_correct(
    portal, university, deliver_outbox
):
    content = "\n".join([HEADER, GOOD, BAD_NATIONALITY]).encode()
    upload = SimpleUploadedFile("students.csv", content, content_type="text/csv")

    response = portal.post(reverse("sponsors:upload"), {"csv_file": upload})
    # The worker files the rows; the page follows its progress, then shows the result.
    status_url = response["Location"]
    assert "0 of 2 rows handled" in portal.get(status_url).content.decode()
    deliver_outbox()
    html = portal.get(status_url).content.decode()

    application = Application.objects.get()
    assert detail_url(application) in html
    assert "column nationality" in html
    assert "1 row has errors and was not imported" in html


def test_a_file_problem_is_shown_at_the_file_field(portal, university):
    upload = SimpleUploadedFile("x.csv", b"name;age\nx;1\n", content_type="text/csv")

    html = portal.post(reverse("sponsors:upload"), {"csv_file": upload}).content.decode()

    assert 'id="id_csv_file_error"' in html
    assert "Missing columns" in html


def test_the_example_file_has_every_column(portal):
    response = portal.get(reverse("sponsors:csv-example"))

    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("product;given_names;surname")


def test_the_application_page_offers_to_vouch_and_vouching_works(portal, university, officer):
    application = sponsored_application(university, actor=officer, vouch=False)
    html = portal.get(detail_url(application)).content.decode()
    assert reverse("sponsors:vouch", args=[application.reference]) in html

    response = portal.post(reverse("sponsors:vouch", args=[application.reference]), follow=True)

    assert "your organisation vouches for" in response.content.decode()
    assert Fact.objects.filter(application=application, name="sponsor_vouched").exists()


def test_the_application_page_asks_for_what_the_rules_miss(portal, university, officer):
    application = sponsored_application(
        university,
        actor=officer,
        facts={"programme_name": "MSc", "programme_end_date": "2028-08-31"},
    )

    html = portal.get(detail_url(application)).content.decode()

    assert "The IND still needs: whether the applicant is admitted to the programme." in html
    assert 'name="admitted_to_programme"' in html


def test_reporting_a_change_on_the_form_returns_to_the_application(portal, university, officer):
    application = sponsored_application(university, actor=officer)

    response = portal.post(
        reverse("sponsors:report-change", args=[application.reference]),
        {"kind": "stopped-studying", "on": "2026-08-28", "details": "Deregistered."},
        follow=True,
    )

    assert response.redirect_chain == [(detail_url(application), 302)]
    assert "The change was reported" in response.content.decode()
    assert ChangeReport.objects.get().within_duty is True


def test_the_dashboard_is_in_dutch_when_dutch_is_chosen(portal, university, officer):
    sponsored_application(university, actor=officer)
    portal.post(reverse("set_language"), {"language": "nl"})

    html = portal.get(reverse("sponsors:dashboard")).content.decode()

    assert 'lang="nl"' in html
    assert "Onze aanvragen" in html
    assert "erkend referent voor: Studie" in html
