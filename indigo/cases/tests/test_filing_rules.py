"""One set of filing rules whatever the door (issue 9): the API cannot file what the
portal would refuse — channel, customer group and fee."""

import pytest
import time_machine
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Applicant, Application
from indigo.cases.services import application_create
from indigo.cases.tests.factories import ApplicantDataFactory
from indigo.errors import Conflict, InvalidInput, NotAllowed

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_a_monday():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


PERSON = {
    "given_names": "Valentina",
    "surname": "Restrepo",
    "date_of_birth": "2003-05-14",
    "nationality": "COL",
}


def api_as(role):
    client = APIClient()
    client.force_authenticate(user_with_role(role))
    return client


@pytest.mark.parametrize(
    "body",
    [
        {"product": "naturalisation"},  # fee €1,023, applied for at the municipality
        {"product": "asylum"},  # applied for at an application centre
        {"product": "highly-skilled-migrant", "customer_group": "recognised-sponsor"},
        {"product": "family-partner"},  # online, but the fee is not paid
        {"product": "family-partner", "channel": "desk"},
    ],
)
def test_an_applicant_token_cannot_file_what_the_portal_would_refuse(body):
    response = api_as("applicant").post(
        "/api/v1/applications", {**body, "applicant": PERSON}, format="json"
    )

    assert response.status_code in (400, 403, 409), response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert not Application.objects.exists()


def test_staff_cannot_claim_a_customer_group_that_does_not_take_the_channel():
    response = api_as("caseworker").post(
        "/api/v1/applications",
        {"product": "study", "customer_group": "recognised-sponsor", "applicant": PERSON},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "customer_group"
    assert not Application.objects.exists()


def test_staff_cannot_file_as_if_online_or_through_the_sponsor_portal():
    for channel in ("online", "sponsor-portal"):
        response = api_as("caseworker").post(
            "/api/v1/applications",
            {"product": "family-partner", "channel": channel, "applicant": PERSON},
            format="json",
        )
        assert response.status_code == 403, channel
    assert not Application.objects.exists()


def test_online_the_paid_fee_must_cover_the_fee_in_force():
    person = user_with_role("applicant")
    arguments = {
        "actor": person,
        "account": person,
        "product_code": "family-partner",
        "applicant": ApplicantDataFactory(),
        "channel": "online",
    }
    with pytest.raises(Conflict) as refused:
        application_create(**arguments, fee_paid_eur=1)
    assert refused.value.code == "unpaid"

    application = application_create(**arguments, fee_paid_eur=10_000)
    assert application.customer_group.code == "individual"


def test_only_a_sponsor_user_files_through_the_sponsor_portal():
    person = user_with_role("applicant")
    with pytest.raises(NotAllowed):
        application_create(
            actor=person,
            product_code="highly-skilled-migrant",
            applicant=ApplicantDataFactory(),
            channel="sponsor-portal",
        )


def test_an_applicant_applies_online_only_for_their_own_account():
    person, other = user_with_role("applicant"), user_with_role("applicant")
    with pytest.raises(NotAllowed):
        application_create(
            actor=person,
            account=other,
            product_code="family-partner",
            applicant=ApplicantDataFactory(),
            channel="online",
            fee_paid_eur=10_000,
        )
    assert not Applicant.objects.exists()


def test_a_product_without_an_online_group_is_refused_online_naming_the_product():
    person = user_with_role("applicant")
    with pytest.raises(InvalidInput) as refused:
        application_create(
            actor=person,
            account=person,
            product_code="asylum",
            applicant=ApplicantDataFactory(),
            channel="online",
            fee_paid_eur=10_000,
        )
    assert refused.value.field == "product"
