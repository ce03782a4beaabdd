from datetime import date

import pytest
import time_machine
from django.utils import translation

from indigo.cases.models import ApplicationEvent
from indigo.errors import InvalidInput
from indigo.sponsors.models import ChangeReport
from indigo.sponsors.services import change_report
from indigo.sponsors.tests.factories import WORK_FACTS, make_sponsor, sponsored_application


@pytest.fixture
def application(university, officer):
    return sponsored_application(university, actor=officer)


def test_a_change_report_becomes_an_event_on_the_application(application, officer):
    report = change_report(
        actor=officer,
        application=application,
        kind="stopped-studying",
        on=date(2026, 8, 25),
        details="She deregistered on 25 August.",
    )

    event = ApplicationEvent.objects.get(application=application, action="sponsor-change-reported")
    assert event.actor == officer
    assert event.effective_on == date(2026, 8, 25)
    assert event.reason == "She deregistered on 25 August."
    assert event.payload["report"] == report.pk
    assert event.payload["within_duty"] is True


def test_a_change_reported_within_four_weeks_is_within_the_duty(application, officer):
    # 1 September is 4 weeks after 4 August: the last day of the duty.
    report = change_report(
        actor=officer, application=application, kind="other", on=date(2026, 8, 4), details="x"
    )

    assert (report.duty_weeks, report.report_by) == (4, date(2026, 9, 1))
    assert report.within_duty is True


def test_a_change_reported_after_four_weeks_is_late(application, officer):
    report = change_report(
        actor=officer, application=application, kind="other", on=date(2026, 8, 3), details="x"
    )

    assert report.report_by == date(2026, 8, 31)
    assert report.within_duty is False


def test_the_sponsors_own_new_address_has_its_own_shorter_duty(application, officer):
    report = change_report(
        actor=officer, application=application, kind="address", on=date(2026, 8, 10), details="x"
    )

    assert (report.duty_weeks, report.within_duty) == (2, False)


def test_a_change_can_still_be_reported_after_recognition_is_withdrawn(application, officer):
    sponsor = application.sponsorship.sponsor
    sponsor.recognition_withdrawn_on = date(2026, 8, 1)
    sponsor.save()

    report = change_report(
        actor=officer, application=application, kind="other", on=date(2026, 8, 30), details="x"
    )

    assert report.pk is not None


def test_a_change_in_the_future_is_refused(application, officer):
    with pytest.raises(InvalidInput) as refused:
        change_report(
            actor=officer, application=application, kind="other", on=date(2026, 9, 2), details="x"
        )

    assert refused.value.field == "on"
    assert not ChangeReport.objects.exists()


def test_leaving_employment_does_not_fit_a_study_application(application, officer):
    with pytest.raises(InvalidInput) as refused:
        change_report(
            actor=officer,
            application=application,
            kind="left-employment",
            on=date(2026, 8, 30),
            details="x",
        )

    assert refused.value.field == "kind"


def test_an_employer_reports_that_the_employee_left(catalog):
    employer = make_sponsor("Delta Engineering B.V.", categories=["work"])
    application = sponsored_application(
        employer, product="highly-skilled-migrant", facts=WORK_FACTS
    )
    user = application.created_by

    with time_machine.travel(date(2026, 11, 2), tick=False):
        report = change_report(
            actor=user,
            application=application,
            kind="left-employment",
            on=date(2026, 10, 30),
            details="Contract ended by mutual consent.",
        )

    assert report.within_duty is True


def test_the_refusal_of_a_change_in_the_future_is_in_dutch(application, officer):
    with translation.override("nl"), pytest.raises(InvalidInput) as refused:
        change_report(
            actor=officer, application=application, kind="other", on=date(2026, 9, 2), details="x"
        )

    assert "na vandaag" in refused.value.message


def test_a_change_report_cannot_be_rewritten(application, officer):
    from indigo.cases.models.events import AppendOnlyError

    report = change_report(
        actor=officer, application=application, kind="other", on=date(2026, 8, 30), details="x"
    )
    report.details = "something else"

    with pytest.raises(AppendOnlyError):
        report.save()


def test_the_database_refuses_to_change_a_change_report(application, officer):
    from django.db import DatabaseError, transaction

    change_report(
        actor=officer, application=application, kind="other", on=date(2026, 8, 30), details="x"
    )

    with pytest.raises(DatabaseError), transaction.atomic():
        ChangeReport.objects.update(details="rewritten")
