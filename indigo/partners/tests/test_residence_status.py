"""POST /api/v1/residence-status: partners ask Indigo, and learn no more than they may."""

from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Application, Status
from indigo.cases.tests.factories import make_application
from indigo.decisions.models import Decision
from indigo.decisions.tests.factories import final_decision
from indigo.partners.models import ResidenceQuestion

pytestmark = pytest.mark.django_db
URL = "/api/v1/residence-status"
PURPOSE = "Criminal case 2024/123: identity check by the public prosecutor"


@pytest.fixture
def prosecutor():
    return user_with_role("partner", username="prosecutor")


@pytest.fixture
def api(prosecutor):
    client = APIClient()
    client.force_authenticate(prosecutor)
    return client


def granted(v_number: str, *, until: date) -> Application:
    application = make_application(product="family-partner", v_number=v_number)
    decision = final_decision(application)
    Decision.objects.filter(pk=decision.pk).update(
        notified_on=date(2024, 1, 10), valid_from=date(2024, 1, 10), valid_until=until
    )
    Application.objects.filter(pk=application.pk).update(status=Status.NOTIFIED)
    return application


def test_a_permit_in_force_is_lawful_residence_with_its_end(api, traveller):
    granted("1234567890", until=date(2025, 8, 31))

    response = api.post(URL, {"v_number": "1234567890", "purpose": PURPOSE}, format="json")

    assert response.status_code == 200
    assert response.json() == {
        "lawfully_resident": True,
        "permit": {"product": "family-partner", "valid_until": "2025-08-31"},
        "application_pending": False,
    }


def test_an_expired_permit_is_not_lawful_residence(api, traveller):
    granted("1234567890", until=date(2024, 2, 1))

    body = api.post(URL, {"v_number": "1234567890", "purpose": PURPOSE}, format="json").json()

    assert body == {"lawfully_resident": False, "permit": None, "application_pending": False}


def test_a_pending_application_is_said_and_nothing_more(api, traveller):
    make_application(product="family-partner", v_number="5555555555")

    body = api.post(URL, {"v_number": "5555555555", "purpose": PURPOSE}, format="json").json()

    assert body == {"lawfully_resident": True, "permit": None, "application_pending": True}
    assert set(body) == {"lawfully_resident", "permit", "application_pending"}


def test_an_unknown_v_number_is_404_without_more_and_still_logged(api, prosecutor, traveller):
    response = api.post(URL, {"v_number": "999", "purpose": PURPOSE}, format="json")

    assert response.status_code == 404
    assert response.json()["detail"] == "Not found."
    question = ResidenceQuestion.objects.get()
    assert (question.asked_by, question.purpose, question.found) == (prosecutor, PURPOSE, False)


def test_every_question_is_logged_with_who_and_why(api, prosecutor, traveller):
    make_application(product="family-partner", v_number="1234567890")

    api.post(URL, {"v_number": "1234567890", "purpose": PURPOSE}, format="json")
    api.post(URL, {"v_number": "1234567890", "purpose": "Police check at Schiphol"}, format="json")

    assert list(ResidenceQuestion.objects.order_by("id").values_list("purpose", "found")) == [
        (PURPOSE, True),
        ("Police check at Schiphol", True),
    ]


def test_without_a_purpose_the_question_is_refused_naming_the_field(api, traveller):
    response = api.post(URL, {"v_number": "1234567890", "purpose": "  "}, format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "purpose"
    assert not ResidenceQuestion.objects.exists()


@pytest.mark.parametrize("role", ["caseworker", "applicant", "sponsor"])
def test_only_a_partner_may_ask(role, traveller):
    client = APIClient()
    client.force_authenticate(user_with_role(role))

    response = client.post(URL, {"v_number": "1", "purpose": PURPOSE}, format="json")

    assert response.status_code == 403
    assert not ResidenceQuestion.objects.exists()


def test_a_partner_sees_no_applications(api, traveller):
    make_application(product="family-partner", v_number="1234567890")

    assert api.get(reverse("applications")).json()["results"] == []
