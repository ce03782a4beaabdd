"""Notices of default on the staff screens; warnings for owners; exposure for managers."""

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.penalties.models import NoticeOfDefault
from indigo.penalties.services import notice_of_default_register

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def unit():
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def owner(unit):
    return user_with_role("caseworker", units=[unit], username="owner")


@pytest.fixture
def late(owner):
    """A study application owned by `owner`; today is 5 days after its period passed."""
    with time_machine.travel(date(2026, 1, 5), tick=False):
        application = make_application(product="study", actor=owner)
        for action in ("start-intake", "start-assessment"):
            application = application_act(actor=owner, application=application, action=action)
    traveller = time_machine.travel(application.decision_due + timedelta(days=5), tick=False)
    traveller.start()
    yield application
    traveller.stop()


def detail(client, application):
    return client.get(reverse("staff:application-detail", args=[application.reference]))


def test_a_caseworker_registers_a_notice_and_sees_when_the_penalty_starts(client, owner, late):
    client.force_login(owner)
    received = late.decision_due + timedelta(days=2)

    response = client.post(
        reverse("staff:notice-of-default", args=[late.reference]),
        {"received_on": received.isoformat(), "sender": "Mr. De Vries, lawyer"},
        follow=True,
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "The notice of default was registered." in page
    assert "Warning: a penalty starts on" in page
    notice = NoticeOfDefault.objects.get(application=late)
    assert notice.sender == "Mr. De Vries, lawyer"


def test_a_premature_notice_is_registered_with_a_warning_that_no_penalty_can_start(
    client, owner, late
):
    client.force_login(owner)

    response = client.post(
        reverse("staff:notice-of-default", args=[late.reference]),
        {"received_on": late.decision_due.isoformat()},
        follow=True,
    )

    assert "no penalty can start from it" in response.content.decode()
    assert NoticeOfDefault.objects.get(application=late).premature


def test_a_notice_without_a_date_is_a_form_error_and_nothing_is_written(client, owner, late):
    client.force_login(owner)

    response = client.post(
        reverse("staff:notice-of-default", args=[late.reference]), {"received_on": ""}
    )

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not NoticeOfDefault.objects.exists()


def test_the_owner_is_warned_on_their_worklist(client, owner, late):
    notice_of_default_register(
        actor=owner, application=late, received_on=late.decision_due + timedelta(days=1)
    )
    client.force_login(owner)

    page = client.get(reverse("work:worklist")).content.decode()

    assert "Applications on which a penalty can start or is running" in page
    assert late.reference in page


def test_another_caseworker_is_not_warned_about_an_application_they_do_not_own(
    client, owner, late, unit
):
    notice_of_default_register(
        actor=owner, application=late, received_on=late.decision_due + timedelta(days=1)
    )
    client.force_login(user_with_role("caseworker", units=[unit]))

    page = client.get(reverse("work:worklist")).content.decode()

    assert late.reference not in page


def test_managers_see_the_exposure_per_unit_and_product_and_the_warning(client, owner, late, unit):
    notice_of_default_register(
        actor=owner, application=late, received_on=late.decision_due - timedelta(days=10)
    )
    # The premature notice above counts for nothing; this one runs 20 days by the visit.
    with time_machine.travel(late.decision_due + timedelta(days=1), tick=False):
        notice_of_default_register(
            actor=owner, application=late, received_on=late.decision_due + timedelta(days=1)
        )
    manager = user_with_role("manager", units=[unit])
    with time_machine.travel(late.decision_due + timedelta(days=1 + 14 + 19), tick=False):
        client.force_login(manager)
        overview = client.get(reverse("work:units")).content.decode()
        unit_page = client.get(reverse("work:unit", args=[unit.code])).content.decode()

    assert "Penalty exposure per unit" in overview
    # 20 days: 14 x 23 + 6 x 35 = 532 owed; 1442 - 532 = 910 still at stake.
    assert "532.00" in overview and "910.00" in overview
    assert "study" in overview
    assert late.reference in unit_page


@pytest.mark.parametrize("count", [1, 4])
def test_the_warnings_and_the_exposure_do_not_query_per_application(client, owner, count):
    from indigo.testing.queries import PROCESSING_LOG_QUERIES, page_queries

    with time_machine.travel(date(2026, 1, 5), tick=False):
        applications = []
        for _ in range(count):
            application = make_application(product="study", actor=owner)
            for action in ("start-intake", "start-assessment"):
                application = application_act(actor=owner, application=application, action=action)
            applications.append(application)
    due = applications[0].decision_due
    with time_machine.travel(due + timedelta(days=20), tick=False):
        for application in applications:
            notice_of_default_register(
                actor=owner, application=application, received_on=due + timedelta(days=1)
            )
        client.force_login(owner)
        worklist = page_queries(client, reverse("work:worklist"))
        client.force_login(user_with_role("manager"))
        units = page_queries(client, reverse("work:units"))

    # Sessions, roles, the tasks, then one query each for the applications, their
    # notices, court penalties and decision events; the owner's questions (issue 11)
    # and the processing log of who saw what (issue 9). The same for 1 and 4.
    assert worklist <= 9 + PROCESSING_LOG_QUERIES
    assert units <= 10
