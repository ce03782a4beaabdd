"""Idempotency-Key on every POST of the API (issue 9): a client retrying after a
time-out does not file twice."""

import pytest
import time_machine
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.api.models import IdempotentRequest
from indigo.cases.models import Application, ApplicationEvent
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")

NEW = {
    "product": "study",
    "applicant": {
        "given_names": "Valentina",
        "surname": "Restrepo",
        "date_of_birth": "2003-05-14",
        "nationality": "COL",
    },
}


@pytest.fixture(autouse=True)
def _on_a_monday():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


@pytest.fixture
def api():
    client = APIClient()
    client.user = user_with_role("caseworker")
    client.force_authenticate(client.user)
    return client


def post(api, url, body, key):
    return api.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_the_same_key_and_body_answer_the_first_result_and_file_once(api):
    first = post(api, "/api/v1/applications", NEW, "retry-1")
    again = post(api, "/api/v1/applications", NEW, "retry-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Application.objects.count() == 1


def test_the_same_key_with_another_body_is_a_409_problem(api):
    post(api, "/api/v1/applications", NEW, "retry-2")

    other = post(api, "/api/v1/applications", {**NEW, "product": "family-partner"}, "retry-2")

    assert other.status_code == 409
    assert other["Content-Type"].startswith("application/problem+json")
    assert other.json()["code"] == "idempotency-key-reused"
    assert Application.objects.count() == 1


def test_without_a_key_each_post_is_carried_out(api):
    post_without = [api.post("/api/v1/applications", NEW, format="json") for _ in range(2)]

    assert [r.status_code for r in post_without] == [201, 201]
    assert Application.objects.count() == 2


def test_keys_are_per_user(api):
    other = APIClient()
    other.force_authenticate(user_with_role("caseworker"))

    post(api, "/api/v1/applications", NEW, "same-key")
    response = post(other, "/api/v1/applications", NEW, "same-key")

    assert response.status_code == 201
    assert Application.objects.count() == 2


def test_an_action_retried_with_its_key_is_taken_once(api):
    application = make_application(actor=api.user)
    url = f"/api/v1/applications/{application.reference}/actions/start-intake"

    answers = [post(api, url, {}, "intake-1").status_code for _ in range(3)]

    assert answers == [200, 200, 200]
    assert (
        ApplicationEvent.objects.filter(application=application, action="start-intake").count() == 1
    )


def test_a_refusal_is_not_kept_so_a_corrected_retry_is_carried_out(api):
    refused = post(api, "/api/v1/applications", {**NEW, "product": "nope"}, "fix-1")
    assert refused.status_code == 400
    assert not IdempotentRequest.objects.exists()


def test_a_key_longer_than_255_characters_is_refused(api):
    response = post(api, "/api/v1/applications", NEW, "k" * 256)

    assert response.status_code == 400
    assert not Application.objects.exists()
