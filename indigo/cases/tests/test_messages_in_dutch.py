"""Refusals reach people in their own language.

Services raise their messages through gettext, so a message is in the language that
is active when it is raised: the screen's language, or the API request's
Accept-Language. Codes and field names stay the same in every language.
"""

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.cases.validators import validate_nationality
from indigo.errors import Conflict, InvalidInput

pytestmark = pytest.mark.usefixtures("catalog")

# The Dutch catalogue quotes labels with single curly quotes (escaped: they look like ASCII).
L, R = "\u2018", "\u2019"


@pytest.fixture
def caseworker():
    return user_with_role("caseworker")


def test_a_refused_transition_is_explained_in_dutch_with_translated_labels(caseworker):
    application = make_application(actor=caseworker)

    with translation.override("nl"), pytest.raises(Conflict) as refused:
        application_act(actor=caseworker, application=application, action="notify")

    message = refused.value.message
    assert message.startswith(
        f"{L}Beslissing bekendmaken{R} kan niet zolang de aanvraag de status {L}Ontvangen{R} heeft."
    )
    assert "Nu mogelijk: Intake starten, Opschorten (wachten op de aanvrager)" in message
    assert "notify" not in message
    assert refused.value.code == "transition-not-allowed"


def test_the_same_refusal_is_in_english_without_a_dutch_word(caseworker):
    application = make_application(actor=caseworker)

    with translation.override("en"), pytest.raises(Conflict) as refused:
        application_act(actor=caseworker, application=application, action="notify")

    assert refused.value.message.startswith(
        "“Notify decision” is not possible while the application is in the status “Received”."
    )
    assert "Ontvangen" not in refused.value.message


def test_a_validator_message_is_in_dutch():
    with translation.override("nl"), pytest.raises(InvalidInput) as refused:
        validate_nationality("ABC")

    assert refused.value.message.startswith(
        "'ABC' is geen landcode volgens ISO 3166-1 alpha-3. Gebruik drie letters"
    )
    assert refused.value.field == "nationality"


def test_the_api_answers_a_dutch_request_with_a_dutch_problem(caseworker):
    application = make_application(actor=caseworker)
    client = APIClient()
    client.force_authenticate(caseworker)

    response = client.post(
        f"/api/v1/applications/{application.reference}/actions/notify",
        {},
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert response.status_code == 409
    problem = response.json()
    assert problem["title"] == "Niet mogelijk in de huidige status."
    assert problem["detail"].startswith(f"{L}Beslissing bekendmaken{R} kan niet zolang de aanvraag")
    assert problem["code"] == "transition-not-allowed"


def test_the_api_gives_dutch_reasons_for_invalid_fields(caseworker):
    client = APIClient()
    client.force_authenticate(caseworker)
    new = {
        "product": "study",
        "applicant": {
            "given_names": "Valentina",
            "surname": "Restrepo Gómez",
            "date_of_birth": "2003-05-14",
            "nationality": "ABC",
        },
    }

    response = client.post("/api/v1/applications", new, format="json", HTTP_ACCEPT_LANGUAGE="nl")

    assert response.status_code == 400
    problem = response.json()
    assert problem["title"] == "Ongeldige invoer."
    [param] = problem["invalidParams"]
    assert param["name"] == "applicant.nationality"
    assert param["reason"].startswith("'ABC' is geen landcode")
    assert problem["detail"] == param["reason"]
