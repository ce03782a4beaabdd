"""Server errors (issue 9): the six causes a probe found each answer a 4xx now, and any
other server error is logged with its traceback and shows the person a request id."""

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import path
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Application, Suspension
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.urls import handler404, handler500  # noqa: F401
from indigo.urls import urlpatterns as indigo_urlpatterns

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_a_monday():
    with time_machine.travel(
        datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False
    ):
        yield


def _boom(request):
    raise RuntimeError("the boom of the test")


urlpatterns = [*indigo_urlpatterns, path("boom", _boom), path("api/v1/boom", _boom)]


@pytest.fixture
def caseworker():
    user = user_with_role("caseworker")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def api(caseworker):
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(caseworker.user)
    client.user = caseworker.user
    return client


@pytest.fixture
def logged():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.ERROR)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


# --- any server error: logged with its traceback, the person sees the request id ------------


@pytest.mark.urls(__name__)
def test_a_server_error_is_logged_with_its_traceback_and_shows_the_request_id(caseworker, logged):
    response = caseworker.get("/boom")

    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    assert request_id in response.content.decode()
    (record,) = logged
    assert record.exc_info and "the boom of the test" in str(record.exc_info[1])
    assert record.request.request_id == request_id


@pytest.mark.urls(__name__)
def test_an_api_server_error_is_a_problem_with_the_request_id_and_no_stack(api, logged):
    response = api.get("/api/v1/boom", HTTP_X_REQUEST_ID="gateway-1234-abcd")

    assert response.status_code == 500
    body = response.json()
    assert body["requestId"] == "gateway-1234-abcd" == response["X-Request-ID"]
    assert "Traceback" not in response.content.decode()
    assert len(logged) == 1 and logged[0].exc_info


def test_a_request_id_that_is_not_plain_is_replaced(api):
    response = api.get("/api/v1/products", HTTP_X_REQUEST_ID="<script>")

    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32


# --- the six causes ---------------------------------------------------------------------------


def test_deeply_nested_json_is_a_400_problem(api, logged):
    body = "[" * 100_000 + "]" * 100_000

    response = api.post("/api/v1/applications", body, content_type="application/json")

    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert not logged


@pytest.mark.parametrize("cursor", ["cD1hYmM=", "cD05OTk5OS0xMi0zMQ==", "cD0lMDA="])
def test_a_forged_cursor_is_a_4xx_problem(api, logged, cursor):
    response = api.get(f"/api/v1/applications?cursor={cursor}")

    assert 400 <= response.status_code < 500, response.content
    assert not logged


@pytest.mark.parametrize("cursor", ["bm9uc2Vuc2U=", "%%%"])
def test_a_cursor_without_a_position_reads_the_first_page(api, logged, cursor):
    assert api.get(f"/api/v1/applications?cursor={cursor}").status_code == 200
    assert not logged


@pytest.fixture
def in_assessment(caseworker):
    application = make_application(product="family-partner")
    for action in ("start-intake",):
        application = application_act(actor=caseworker.user, application=application, action=action)
    return application


@pytest.mark.parametrize("until", ["9999-12-31", "9000-01-01"])
def test_suspending_until_the_far_future_is_refused_through_the_api(
    api, logged, in_assessment, until
):
    response = api.post(
        f"/api/v1/applications/{in_assessment.reference}/actions/suspend",
        {"reason": "Passport copy missing", "until": until},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert response.json()["invalidParams"][0]["name"] == "until"
    assert not Suspension.objects.exists()
    assert not logged


def test_an_information_request_until_9999_is_refused_through_the_staff_form(
    caseworker, logged, in_assessment
):
    response = caseworker.post(
        f"/staff/applications/{in_assessment.reference}/requests",
        {"what": "Send a copy of your passport.", "until": "9999-12-31"},
    )

    assert response.status_code in (200, 302, 400)
    assert not Suspension.objects.exists()
    assert not logged


def test_suspending_until_9999_through_the_staff_action_form_is_refused(
    caseworker, logged, in_assessment
):
    response = caseworker.post(
        f"/staff/applications/{in_assessment.reference}/actions",
        {"action": "suspend", "reason": "Passport copy missing", "until": "9999-12-31"},
    )

    assert response.status_code in (200, 302, 400)
    assert not Suspension.objects.exists()
    assert not logged


@pytest.mark.parametrize("page", ["99999999999999999999", "-1", "٣", "1e9"])
def test_a_huge_or_strange_page_number_is_not_a_server_error(caseworker, logged, page):
    make_application()

    response = caseworker.get(f"/staff/applications?page={page}")

    assert response.status_code == 200
    assert not logged


def test_the_desk_day_9999_12_31_is_not_a_server_error(logged):
    from indigo.desks.tests.factories import desk_employee, make_desk

    desk = make_desk()
    client = Client(raise_request_exception=False)
    client.force_login(desk_employee(desk))

    response = client.get(f"/desks/desk?desk={desk.code}&day=9999-12-31")

    assert response.status_code in (200, 400)
    assert not logged


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/applications/2026-ABC%00DEF",
        "/api/v1/applications?product=study%00",
        "/staff/applications/2026-ABC%00DEF",
        "/staff/applications?reference=2026%00",
    ],
)
def test_a_nul_byte_in_a_path_or_query_is_a_400(api, caseworker, logged, url):
    client = api if url.startswith("/api/") else caseworker

    response = client.get(url)

    assert response.status_code in (400, 404), response.content
    assert not logged
    assert Application.objects.count() == 0
