import pytest
from django.urls import reverse

from indigo.cases.access import applications_visible_to
from indigo.cases.tests.factories import make_application
from indigo.errors import NotAllowed
from indigo.sponsors.services import change_report, sponsor_vouch
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user, sponsored_application


@pytest.fixture
def other_university(catalog):
    return make_sponsor("Hogeschool Noord", categories=["study"])


def test_a_sponsor_user_sees_exactly_the_applications_of_their_organisation(
    university, officer, other_university
):
    ours = sponsored_application(university, actor=officer)
    sponsored_application(other_university, given_names="Kofi", surname="Mensah")
    make_application()  # an individual application, no sponsor

    assert list(applications_visible_to(officer)) == [ours]


def test_every_user_of_the_organisation_sees_its_applications(university, officer):
    ours = sponsored_application(university, actor=officer)
    colleague = make_sponsor_user(university)

    assert list(applications_visible_to(colleague)) == [ours]


def test_a_sponsor_user_cannot_vouch_on_another_organisations_application(
    officer, other_university
):
    theirs = sponsored_application(other_university)

    with pytest.raises(NotAllowed):
        sponsor_vouch(actor=officer, application=theirs)


def test_a_sponsor_user_cannot_report_a_change_on_another_organisations_application(
    officer, other_university
):
    theirs = sponsored_application(other_university)

    with pytest.raises(NotAllowed):
        change_report(
            actor=officer,
            application=theirs,
            kind="other",
            on=theirs.received_on,
            details="x",
        )


@pytest.mark.parametrize(
    "name", ["sponsors:application-detail", "sponsors:report-change", "sponsors:vouch"]
)
def test_another_organisations_application_is_not_found_like_a_missing_one(
    client, officer, other_university, name
):
    theirs = sponsored_application(other_university)
    client.force_login(officer)
    method = client.post if name == "sponsors:vouch" else client.get

    assert method(reverse(name, args=[theirs.reference])).status_code == 404
    assert method(reverse(name, args=["2026-XXXXXXXX"])).status_code == 404


def test_an_individual_application_is_not_found_in_the_sponsor_portal(client, officer):
    individual = make_application()
    client.force_login(officer)

    response = client.get(reverse("sponsors:application-detail", args=[individual.reference]))

    assert response.status_code == 404


def test_without_the_sponsor_role_a_member_sees_nothing(university, officer):
    sponsored_application(university, actor=officer)
    officer.groups.clear()
    del officer._indigo_roles

    assert not applications_visible_to(officer).exists()
