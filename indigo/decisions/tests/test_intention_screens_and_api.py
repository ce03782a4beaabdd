"""The intended-refusal path through the staff screens and through the API."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from indigo.decisions.tests.factories import make_application_for, record_facts, to_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def asylum(caseworker):
    application = make_application_for(actor=caseworker, product="asylum")
    record_facts(
        application,
        caseworker,
        identity_established=True,
        account_credible=False,
        protection_need="none",
    )
    return to_decision(application, caseworker)


def post(client, user, name, application, data=None):
    client.force_login(user)
    return client.post(reverse(name, args=[application.reference]), data or {}, follow=True)


def test_on_the_page_the_intention_is_sent_the_view_recorded_and_answered(
    client, asylum, caseworker
):
    html = post(
        client,
        caseworker,
        "staff:decision-record",
        asylum,
        {"outcome": "refuse", "motivation": "Your account is not credible."},
    ).content.decode()
    assert "Send the intended refusal first" in html
    assert not asylum.decisions.exists()

    html = post(
        client,
        caseworker,
        "staff:intention-send",
        asylum,
        {"grounds": "Your account is not credible."},
    ).content.decode()
    assert "The intended refusal is sent" in html
    assert "Not received yet: the application waits." in html

    html = post(
        client,
        caseworker,
        "staff:intention-view",
        asylum,
        {"text": "I sent a new document."},
    ).content.decode()
    assert "The written view is recorded" in html

    html = post(
        client,
        caseworker,
        "staff:decision-record",
        asylum,
        {"outcome": "refuse", "motivation": "Your account is not credible."},
    ).content.decode()
    assert 'id="id_view_answer_error"' in html

    post(
        client,
        caseworker,
        "staff:decision-record",
        asylum,
        {
            "outcome": "refuse",
            "motivation": "Your account is not credible.",
            "view_answer": "The new document does not say who wrote it.",
        },
    )
    decision = asylum.decisions.get()
    assert decision.view_answer == "The new document does not say who wrote it."

    letter = client.get(reverse("staff:intention-letter", args=[asylum.reference]))
    assert "We intend to refuse your application" in letter.content.decode()


def test_an_intention_without_grounds_is_refused_at_the_field(client, asylum, caseworker):
    html = post(client, caseworker, "staff:intention-send", asylum, {"grounds": ""}).content
    assert b'id="id_grounds_error"' in html
    assert not asylum.intentions.exists()


def test_through_the_api(asylum, caseworker):
    api = APIClient()
    api.force_authenticate(caseworker)
    base = f"/api/v1/applications/{asylum.reference}"

    refused = api.post(
        f"{base}/decision", {"outcome": "refuse", "motivation": "No."}, format="json"
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "intention-required"

    sent = api.post(f"{base}/intention", {"grounds": "Not credible."}, format="json")
    assert sent.status_code == 201, sent.content
    assert sent.json()["required_by"].endswith("article 39")

    waiting = api.post(
        f"{base}/decision", {"outcome": "refuse", "motivation": "No."}, format="json"
    )
    assert waiting.json()["code"] == "view-period-running"

    view = api.post(f"{base}/intention/view", {"text": "I disagree."}, format="json")
    assert view.status_code == 200 and view.json()["view_received_on"]

    unanswered = api.post(
        f"{base}/decision", {"outcome": "refuse", "motivation": "No."}, format="json"
    )
    assert unanswered.status_code == 400
    assert unanswered.json()["invalidParams"][0]["name"] == "view_answer"

    decided = api.post(
        f"{base}/decision",
        {"outcome": "refuse", "motivation": "No.", "view_answer": "Nothing new."},
        format="json",
    )
    assert decided.status_code == 201, decided.content
    assert decided.json()["intention"] == sent.json()["id"]


def test_an_applicant_cannot_use_the_intention_api(asylum):
    from indigo.accounts.tests.factories import user_with_role

    api = APIClient()
    api.force_authenticate(user_with_role("applicant"))
    response = api.post(
        f"/api/v1/applications/{asylum.reference}/intention", {"grounds": "x"}, format="json"
    )
    assert response.status_code in (403, 404)
