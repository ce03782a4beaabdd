from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.information_requests import (
    information_request_answer,
    information_request_create,
)
from indigo.cases.models import ApplicationEvent, InformationRequest, Status
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.errors import InvalidInput, NotAllowed

pytestmark = pytest.mark.usefixtures("catalog")

MONDAY = "2026-03-02 09:00 +01:00"


@pytest.fixture(autouse=True)
def traveller():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def caseworker():
    return user_with_role("caseworker")


@pytest.fixture
def person():
    return user_with_role("applicant")


@pytest.fixture
def application(caseworker, person):
    application = make_application(actor=person, product="highly-skilled-migrant")
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    return application


def ask(caseworker, application, until=date(2026, 3, 16)):
    return information_request_create(
        actor=caseworker,
        application=application,
        what="A copy of your employment contract, signed by you and your employer.",
        until=until,
    )


def test_a_request_suspends_the_decision_period_until_its_end(caseworker, application):
    request = ask(caseworker, application)

    application.refresh_from_db()
    assert application.status == Status.SUSPENDED
    assert request.suspension.planned_end == date(2026, 3, 16)
    # 14 days on hold: 31 May + 14 = Sunday 14 June → Monday 15 June.
    assert application.decision_due == date(2026, 6, 15)


def test_the_applicant_is_told_in_their_language_what_is_needed_and_by_when(
    caseworker, application
):
    application.applicant.language = "nl"
    application.applicant.save()

    request = ask(caseworker, application)

    assert request.language == "nl"
    assert "16 maart 2026" in request.message
    assert "employment contract" in request.message
    assert ApplicationEvent.objects.filter(
        application=application, action="request-information"
    ).exists()


def test_an_english_speaking_applicant_gets_the_message_in_english(caseworker, application):
    request = ask(caseworker, application)

    assert "no later than 16 March 2026" in request.message


def test_a_repair_period_in_the_past_is_refused_and_nothing_changes(caseworker, application):
    with pytest.raises(InvalidInput, match="must end after today") as exc:
        ask(caseworker, application, until=date(2026, 3, 1))

    assert exc.value.field == "until"
    application.refresh_from_db()
    assert application.status == Status.ASSESSMENT
    assert not InformationRequest.objects.exists()


def test_the_applicants_answer_resumes_the_decision_period(
    caseworker, person, application, traveller
):
    request = ask(caseworker, application)
    traveller.move_to("2026-03-09 09:00 +01:00")
    information_request_answer(actor=person, request=request, answer="Contract uploaded.")

    application.refresh_from_db()
    assert application.status == Status.ASSESSMENT
    # Seven days on hold: 31 May + 7 = Sunday 7 June → Monday 8 June.
    assert application.decision_due == date(2026, 6, 8)


def test_someone_else_cannot_answer_for_the_applicant(caseworker, application):
    request = ask(caseworker, application)

    with pytest.raises(NotAllowed):
        information_request_answer(
            actor=user_with_role("applicant"), request=request, answer="not mine"
        )


def test_an_unanswered_request_ends_with_its_period_and_the_clock_runs_again(
    caseworker, application, traveller
):
    request = ask(caseworker, application)
    traveller.move_to("2026-03-20 09:00 +01:00")
    call_command("deadlines_refresh")
    call_command("deadlines_refresh")  # idempotent

    request.refresh_from_db()
    application.refresh_from_db()
    assert request.expired_on == date(2026, 3, 17)
    assert application.status == Status.ASSESSMENT
    assert application.suspensions.get().end == date(2026, 3, 17)
    # 15 days on hold (2 → 17 March): 31 May + 15 = Monday 15 June.
    assert application.decision_due == date(2026, 6, 15)
