import json
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from rest_framework.test import APIClient

from indigo import clock
from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Applicant, Application
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")

NEW = {
    "product": "study",
    "applicant": {
        "given_names": "Valentina",
        "surname": "Restrepo Gómez",
        "date_of_birth": "2003-05-14",
        "nationality": "COL",
    },
}


def client_for(role):
    client = APIClient()
    user = user_with_role(role)
    client.force_authenticate(user)
    client.user = user
    return client


@pytest.fixture
def caseworker():
    return client_for("caseworker")


def is_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_the_openapi_document_is_public_and_open_to_every_origin(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    assert "/applications/{reference}/actions/{action}" in spec["paths"]


def test_every_api_response_has_an_api_version_header(client, caseworker):
    assert client.get("/api/v1/products")["API-Version"] == "1.0.0"
    assert caseworker.get("/api/v1/applications/nope")["API-Version"] == "1.0.0"


def test_the_api_docs_page_is_served_without_external_assets(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert b"cdn." not in response.content


def test_products_are_listed_with_their_versions(client):
    products = client.get("/api/v1/products").json()
    detail = client.get("/api/v1/products/highly-skilled-migrant").json()

    assert {p["code"] for p in products} >= {"study", "asylum", "naturalisation"}
    first, *_ = detail["versions"]
    assert first["decision_period"] == {"value": 90, "unit": "days"}
    assert "passport" in [d["code"] for d in first["documents"]]
    assert detail["versions"][-1]["valid_to"] is None


def test_an_unknown_product_is_a_404_problem(client):
    is_problem(client.get("/api/v1/products/golden-visa"), 404)


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_creating_an_application_answers_201_with_its_deadline(caseworker):
    response = caseworker.post("/api/v1/applications", NEW, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "received"
    assert body["received_on"] == "2026-03-02"
    assert body["decision_due"]
    assert Application.objects.filter(reference=body["reference"]).exists()


def test_malformed_json_is_a_400_problem(caseworker):
    response = caseworker.post(
        "/api/v1/applications", data="{not json", content_type="application/json"
    )

    assert "could not be read" in is_problem(response, 400)["detail"]


def test_a_missing_field_is_named_in_invalid_params(caseworker):
    body = {**NEW, "applicant": {k: v for k, v in NEW["applicant"].items() if k != "surname"}}

    problem = is_problem(caseworker.post("/api/v1/applications", body, format="json"), 400)

    assert [p["name"] for p in problem["invalidParams"]] == ["applicant.surname"]
    assert not Applicant.objects.exists()


def test_a_future_receipt_date_is_refused_naming_the_field(caseworker):
    body = {**NEW, "received_on": "2999-01-01"}

    problem = is_problem(caseworker.post("/api/v1/applications", body, format="json"), 400)

    assert problem["invalidParams"][0]["name"] == "received_on"
    assert "future" in problem["detail"]


def test_an_unknown_product_is_refused_naming_the_field(caseworker):
    problem = is_problem(
        caseworker.post("/api/v1/applications", {**NEW, "product": "golden-visa"}, format="json"),
        400,
    )

    assert problem["invalidParams"][0]["name"] == "product"


def test_a_path_with_a_trailing_slash_is_a_404_not_a_redirect(caseworker):
    is_problem(caseworker.get("/api/v1/applications/"), 404)


def test_an_action_the_state_does_not_allow_is_a_409_problem(caseworker):
    application = make_application(actor=caseworker.user)

    problem = is_problem(
        caseworker.post(
            f"/api/v1/applications/{application.reference}/actions/notify", {}, format="json"
        ),
        409,
    )

    assert "Possible now" in problem["detail"]
    assert problem["possibleActions"] == ["start-intake", "suspend", "extend", "withdraw"]


def test_an_allowed_action_changes_the_status_and_shows_in_the_events(caseworker):
    application = make_application(actor=caseworker.user)

    response = caseworker.post(
        f"/api/v1/applications/{application.reference}/actions/suspend",
        {"reason": "Passport copy is unreadable", "until": str(clock.today() + timedelta(days=30))},
        format="json",
    )
    detail = caseworker.get(f"/api/v1/applications/{application.reference}").json()

    assert response.status_code == 200, response.content
    assert detail["status"] == "suspended" and detail["suspended"] is True
    assert [e["action"] for e in detail["events"]] == ["receive", "suspend"]
    assert detail["events"][1]["reason"] == "Passport copy is unreadable"
    assert "resume" in detail["possible_actions"]


def test_an_unknown_action_is_a_404_problem(caseworker):
    application = make_application(actor=caseworker.user)

    is_problem(
        caseworker.post(f"/api/v1/applications/{application.reference}/actions/fly", {}), 404
    )


def test_the_list_filters_by_status_product_and_due_date(caseworker):
    study = make_application(actor=caseworker.user, product="study")
    make_application(actor=caseworker.user, product="asylum")

    by_product = caseworker.get("/api/v1/applications", {"product": "study"}).json()
    by_status = caseworker.get("/api/v1/applications", {"status": "closed"}).json()
    due_soon = caseworker.get(
        "/api/v1/applications", {"due_before": study.decision_due.isoformat()}
    ).json()

    assert [a["reference"] for a in by_product["results"]] == [study.reference]
    assert by_status["results"] == []
    assert due_soon["results"] == []


def test_an_invalid_filter_is_a_400_problem(caseworker):
    problem = is_problem(caseworker.get("/api/v1/applications", {"status": "lost"}), 400)

    assert problem["invalidParams"][0]["name"] == "status"


def test_an_applicant_sees_only_their_own_applications():
    alice, bob = client_for("applicant"), client_for("applicant")
    mine = make_application(actor=alice.user)
    theirs = make_application(actor=bob.user)

    listed = alice.get("/api/v1/applications").json()["results"]

    assert [a["reference"] for a in listed] == [mine.reference]
    is_problem(alice.get(f"/api/v1/applications/{theirs.reference}"), 404)
    is_problem(alice.get("/api/v1/applications/2026-NOTEXIST"), 404)


def test_a_user_without_a_role_cannot_submit_applications():
    nobody = APIClient()
    nobody.force_authenticate(user_with_role(None))

    is_problem(nobody.post("/api/v1/applications", NEW, format="json"), 403)


def test_anonymous_requests_are_refused_with_401(client):
    is_problem(client.get("/api/v1/applications"), 401)


def test_an_api_token_from_the_command_authenticates(capsys):
    user = user_with_role("caseworker", username="kees")
    call_command("apitoken", "kees")
    token = capsys.readouterr().out.strip()

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/applications")

    assert response.status_code == 200
    assert user.auth_token.key == token


@time_machine.travel("2026-03-02 10:00 +01:00")
def test_staff_can_register_a_paper_application_received_earlier(caseworker):
    body = {**NEW, "received_on": "2026-01-05"}

    response = caseworker.post("/api/v1/applications", body, format="json")

    assert response.status_code == 201
    assert response.json()["received_on"] == date(2026, 1, 5).isoformat()


def test_an_unsupported_method_is_a_405_problem_with_allow(caseworker):
    response = caseworker.delete("/api/v1/applications")

    is_problem(response, 405)
    assert "GET" in response["Allow"]


def test_api_responses_carry_the_security_headers(caseworker):
    response = caseworker.get("/api/v1/applications")

    assert response["Cache-Control"] == "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_an_applicant_sees_the_steps_of_their_application_but_not_internal_work():
    from indigo.work.services import work_get_next

    person = client_for("applicant")
    application = make_application(actor=person.user)
    work_get_next(actor=user_with_role("caseworker"))  # an internal step: ownership

    actions = [
        e["action"]
        for e in person.get(f"/api/v1/applications/{application.reference}").json()["events"]
    ]

    assert actions == ["receive"]
