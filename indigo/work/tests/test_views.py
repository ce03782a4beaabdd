from datetime import date

import pytest
import time_machine
from django.urls import reverse

from indigo.cases.services import application_act
from indigo.work.models import Task
from indigo.work.services import work_get_next


@pytest.fixture
def logged_in(client, caseworker):
    client.force_login(caseworker)
    return client


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_the_worklist_shows_my_work_most_urgent_first_with_marks(
    logged_in, caseworker, new_application
):
    late = new_application(product="study", received_on=date(2025, 12, 1))
    calm = new_application(product="highly-skilled-migrant")
    work_get_next(actor=caseworker)
    work_get_next(actor=caseworker)

    html = logged_in.get(reverse("work:worklist")).content.decode()

    assert html.index(late.reference) < html.index(calm.reference)
    assert "Late: the legal deadline has passed" in html
    assert "On track" in html


def test_get_next_on_the_screen_takes_me_to_the_application_i_now_own(
    logged_in, caseworker, new_application
):
    application = new_application()

    response = logged_in.post(reverse("work:get-next"))

    assert response.url == reverse("staff:application-detail", args=[application.reference])
    assert Task.objects.get(application=application, code="handle").assignee == caseworker


def test_get_next_with_an_empty_queue_says_so(logged_in):
    response = logged_in.post(reverse("work:get-next"), follow=True)

    assert "There is no work waiting in your queues." in response.content.decode()


def test_a_specialist_records_a_result_on_the_task_page(
    client, caseworker, specialist, new_application, with_tasks
):
    with_tasks()
    application = new_application()
    work_get_next(actor=caseworker)
    for action in ("start-intake", "start-assessment"):
        application_act(actor=caseworker, application=application, action=action)
    task = work_get_next(actor=specialist)
    client.force_login(specialist)

    missing = client.post(reverse("work:task", args=[task.pk]), {"outcome": "concerns"})
    done = client.post(
        reverse("work:task", args=[task.pk]),
        {"outcome": "concerns", "result": "Stamp does not match the issuing office."},
    )

    assert missing.status_code == 200 and "This field is required" in missing.content.decode()
    assert done.status_code == 302
    task.refresh_from_db()
    assert task.outcome == "concerns" and task.state == "done"


def test_a_task_on_an_application_i_cannot_see_is_a_404(client, new_application, with_tasks):
    from indigo.accounts.tests.factories import make_unit, user_with_role

    with_tasks()
    application = new_application()
    task = Task.objects.get(application=application, code="handle")
    client.force_login(
        user_with_role("caseworker", units=[make_unit("asylum-unit", processes=["asylum"])])
    )

    assert client.get(reverse("work:task", args=[task.pk])).status_code == 404
