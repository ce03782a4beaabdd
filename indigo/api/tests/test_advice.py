"""Advice on request through the API: the owner asks a specialism or a colleague."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.api.tests.conftest import client_as, client_for, invalid_names, is_problem
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.work.models import Task

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _monday():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


@pytest.fixture
def specialist(catalog):
    unit = make_unit("bureau-documenten", kind="specialist", specialisms=["document-examination"])
    return client_as(user_with_role("specialist", units=[unit]))


@pytest.fixture
def owned(caseworker):
    """An application in intake whose owner is the caseworker (she took it with get
    next); advice is asked while an application is being handled."""
    application = make_application(actor=caseworker.user)
    caseworker.post("/api/v1/tasks/next")
    started = caseworker.post(
        f"/api/v1/applications/{application.reference}/actions/start-intake",
        {"reason": "Intake."},
        format="json",
    )
    assert started.status_code == 200, started.content
    return application


def ask(client, application, **body):
    return client.post(
        f"/api/v1/applications/{application.reference}/advice-requests",
        {"question": "Is this passport genuine?", "due_on": "2026-03-10"} | body,
        format="json",
    )


def test_the_owner_asks_a_specialism_and_the_specialist_answers(caseworker, specialist, owned):
    asked = ask(caseworker, owned, specialism="document-examination")
    task = specialist.post("/api/v1/tasks/next").json()
    answered = specialist.post(
        f"/api/v1/tasks/{task['id']}/actions/complete",
        {"outcome": "no-concerns", "result": "Genuine."},
        format="json",
    )

    assert asked.status_code == 201, asked.content
    assert asked.json()["queue"] == "specialism:document-examination"
    assert task["question"] == "Is this passport genuine?"
    assert answered.status_code == 200, answered.content
    assert ApplicationEvent.objects.filter(application=owned, action="advice-requested").exists()


def test_the_owner_asks_a_named_colleague(caseworker, colleague, owned):
    response = ask(caseworker, owned, colleague=colleague.user.username)

    assert response.status_code == 201, response.content
    assert response.json()["assignee"] == colleague.user.username


def test_an_advice_request_without_a_question_or_with_a_past_date_is_a_400(caseworker, owned):
    assert invalid_names(ask(caseworker, owned, question=" ", specialism="x")) == {"question"}
    assert invalid_names(
        ask(caseworker, owned, due_on="2026-03-01", specialism="document-examination")
    ) == {"due_on"}
    assert invalid_names(ask(caseworker, owned, specialism="astrology")) == {"specialism"}
    assert invalid_names(ask(caseworker, owned, colleague="nobody")) == {"colleague"}
    assert not Task.objects.filter(code="advice").exists()


def test_only_the_owner_may_ask_and_others_cannot_see(caseworker, colleague, specialist, owned):
    is_problem(ask(colleague, owned, specialism="document-examination"), 403)
    is_problem(ask(client_for("manager"), owned, specialism="document-examination"), 403)
    outsider = client_for("caseworker", units=[make_unit("asylum", processes=["asylum"])])
    is_problem(ask(outsider, owned, specialism="document-examination"), 404)
    assert not Task.objects.filter(code="advice").exists()


def test_advice_on_a_withdrawn_application_is_a_409(caseworker, specialist, owned):
    caseworker.post(
        f"/api/v1/applications/{owned.reference}/actions/withdraw",
        {"reason": "The applicant withdrew."},
        format="json",
    )

    problem = is_problem(ask(caseworker, owned, specialism="document-examination"), 409)

    assert problem["possibleActions"] == []
