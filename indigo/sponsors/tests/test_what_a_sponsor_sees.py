"""A sponsor follows the application, not the migrant's passport, answers or the
agency's staff (issue 9)."""

from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import application_act
from indigo.dossier.services import document_upload
from indigo.portal.tests.helpers import pdf
from indigo.sponsors.tests.factories import sponsored_application


def api_as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_sponsor_cannot_list_or_open_the_migrants_passport(university, officer):
    application = sponsored_application(university, actor=officer)
    clerk = user_with_role("caseworker")
    document = document_upload(
        actor=clerk,
        application=application,
        document_type_code="passport",
        file=pdf("passport.pdf"),
    )
    client = api_as(officer)

    listed = client.get(f"/api/v1/applications/{application.reference}/documents")
    opened = client.get(
        f"/api/v1/applications/{application.reference}/documents/{document.pk}/content"
    )

    assert listed.status_code == 403
    assert opened.status_code in (403, 404)
    assert b"%PDF" not in opened.content


def test_a_sponsor_sees_no_staff_username_nor_reasons_in_the_history(university, officer):
    application = sponsored_application(university, actor=officer)
    clerk = user_with_role("caseworker", username="j.devries.ind")
    application_act(actor=clerk, application=application, action="start-intake")
    application_act(
        actor=clerk,
        application=application,
        action="suspend",
        reason="The migrant told us about her asylum history",
    )

    response = api_as(officer).get(f"/api/v1/applications/{application.reference}")

    assert response.status_code == 200
    text = response.content.decode()
    assert "j.devries.ind" not in text
    assert "asylum history" not in text
    actors = {e["actor"] for e in response.json()["events"]}
    assert actors <= {None, officer.get_username()}


def test_staff_see_who_took_each_step(university, officer):
    application = sponsored_application(university, actor=officer)
    clerk = user_with_role("caseworker", username="j.devries.ind")
    application_act(actor=clerk, application=application, action="start-intake")

    response = api_as(clerk).get(f"/api/v1/applications/{application.reference}")

    assert "j.devries.ind" in {e["actor"] for e in response.json()["events"]}
