"""The work through the API: list, get, get next, take, complete, assign, return."""

from datetime import timedelta

import pytest

from indigo import clock
from indigo.accounts.tests.factories import make_unit
from indigo.api.tests.conftest import client_for, invalid_names, is_problem
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.work.models import HANDLE, Task

pytestmark = pytest.mark.usefixtures("catalog")


def handle_task(application) -> Task:
    return application.tasks.get(code=HANDLE)


def check_task(application, *, assignee=None) -> Task:
    """A parallel assessment task in the application's process queue."""
    handle = handle_task(application)
    return Task.objects.create(
        application=application,
        code="test-register-check",
        queue=handle.queue,
        due_on=clock.today() + timedelta(days=10),
        start_by=clock.today() + timedelta(days=3),
        assignee=assignee,
    )


def test_tasks_are_listed_most_urgent_first_and_filtered_to_mine(caseworker):
    application = make_application(actor=caseworker.user)
    mine = check_task(application, assignee=caseworker.user)

    everything = caseworker.get("/api/v1/tasks").json()
    only_mine = caseworker.get("/api/v1/tasks?assignee=me&status=open").json()

    assert {t["application"] for t in everything["results"]} == {application.reference}
    assert [t["id"] for t in only_mine["results"]] == [mine.pk]
    assert only_mine["results"][0]["possible_actions"] == ["complete", "assign", "return"]
    assert "_links" in only_mine


def test_tasks_can_be_filtered_by_application_and_queue(caseworker):
    first = make_application(actor=caseworker.user)
    make_application(actor=caseworker.user)
    queue = handle_task(first).queue

    listed = caseworker.get(f"/api/v1/tasks?application={first.reference}&queue={queue}").json()

    assert [t["application"] for t in listed["results"]] == [first.reference]


def test_an_unknown_filter_or_a_wrong_status_is_a_400_naming_it(caseworker):
    assert invalid_names(caseworker.get("/api/v1/tasks?assigne=me")) == {"assigne"}
    assert invalid_names(caseworker.get("/api/v1/tasks?status=busy")) == {"status"}


def test_an_applicant_may_not_list_tasks(catalog):
    is_problem(client_for("applicant").get("/api/v1/tasks"), 403)


def test_a_task_is_shown_with_its_possible_actions(caseworker):
    application = make_application(actor=caseworker.user)
    task = handle_task(application)

    body = caseworker.get(f"/api/v1/tasks/{task.pk}").json()

    assert body["code"] == HANDLE and body["assignee"] is None
    assert body["possible_actions"] == ["take"]


def test_a_task_on_an_application_the_caller_cannot_see_is_a_404(caseworker):
    application = make_application(actor=caseworker.user)
    elsewhere = client_for("caseworker", units=[make_unit("family", processes=["regular-social"])])

    task = handle_task(application)

    hidden = is_problem(elsewhere.get(f"/api/v1/tasks/{task.pk}"), 404)
    missing = is_problem(elsewhere.get("/api/v1/tasks/999999"), 404)

    assert hidden["detail"].replace(str(task.pk), "N") == missing["detail"].replace("999999", "N")


def test_get_next_hands_out_the_case_and_then_says_there_is_none(caseworker):
    application = make_application(actor=caseworker.user)

    first = caseworker.post("/api/v1/tasks/next")
    second = caseworker.post("/api/v1/tasks/next")

    assert first.status_code == 200, first.content
    assert first.json()["application"] == application.reference
    assert first.json()["assignee"] == caseworker.user.username
    assert second.status_code == 204


def test_get_next_refuses_a_body_with_unknown_fields(caseworker):
    make_application(actor=caseworker.user)

    assert invalid_names(caseworker.post("/api/v1/tasks/next", {"queue": "x"}, format="json")) == {
        "queue"
    }
    assert not Task.objects.filter(assignee__isnull=False).exists()


def test_taking_a_waiting_task_makes_it_mine_and_a_second_take_is_a_409(caseworker, colleague):
    application = make_application(actor=caseworker.user)
    task = handle_task(application)

    taken = caseworker.post(f"/api/v1/tasks/{task.pk}/actions/take", {}, format="json")
    again = colleague.post(f"/api/v1/tasks/{task.pk}/actions/take", {}, format="json")

    assert taken.status_code == 200, taken.content
    assert taken.json()["assignee"] == caseworker.user.username
    problem = is_problem(again, 409)
    assert problem["possibleActions"] == []
    assert (
        ApplicationEvent.objects.filter(application=application, action="take-ownership").count()
        == 1
    )


def test_completing_my_task_records_the_result(caseworker):
    application = make_application(actor=caseworker.user)
    task = check_task(application, assignee=caseworker.user)

    response = caseworker.post(
        f"/api/v1/tasks/{task.pk}/actions/complete",
        {"outcome": "no-concerns", "result": "Registered in the BRP."},
        format="json",
    )

    assert response.status_code == 200, response.content
    task.refresh_from_db()
    assert (task.state, task.outcome, task.result) == (
        "done",
        "no-concerns",
        "Registered in the BRP.",
    )
    assert response.json()["possible_actions"] == []


def test_completing_without_an_outcome_or_with_an_unknown_field_changes_nothing(caseworker):
    task = check_task(make_application(actor=caseworker.user), assignee=caseworker.user)
    url = f"/api/v1/tasks/{task.pk}/actions/complete"

    assert invalid_names(caseworker.post(url, {"result": "ok"}, format="json")) == {"outcome"}
    assert invalid_names(
        caseworker.post(url, {"outcome": "fine", "result": "ok"}, format="json")
    ) == {"outcome"}
    assert invalid_names(
        caseworker.post(url, {"outcome": "no-concerns", "resutl": "ok"}, format="json")
    ) == {"resutl"}
    task.refresh_from_db()
    assert task.state == "open"


def test_completing_a_task_of_someone_else_is_a_404(caseworker, colleague):
    task = check_task(make_application(actor=caseworker.user), assignee=colleague.user)

    is_problem(
        caseworker.post(
            f"/api/v1/tasks/{task.pk}/actions/complete",
            {"outcome": "no-concerns", "result": "ok"},
            format="json",
        ),
        404,
    )
    task.refresh_from_db()
    assert task.state == "open"


def test_completing_a_task_nobody_took_is_a_409_that_says_take_it(caseworker):
    task = check_task(make_application(actor=caseworker.user))

    problem = is_problem(
        caseworker.post(
            f"/api/v1/tasks/{task.pk}/actions/complete",
            {"outcome": "no-concerns", "result": "ok"},
            format="json",
        ),
        409,
    )

    assert problem["possibleActions"] == ["take"]


def test_assigning_my_task_to_a_colleague_needs_a_reason(caseworker, colleague):
    task = check_task(make_application(actor=caseworker.user), assignee=caseworker.user)
    url = f"/api/v1/tasks/{task.pk}/actions/assign"

    missing = caseworker.post(url, {"assignee": colleague.user.username}, format="json")
    unknown = caseworker.post(url, {"assignee": "nobody", "reason": "r"}, format="json")
    done = caseworker.post(
        url, {"assignee": colleague.user.username, "reason": "Bram knows it."}, format="json"
    )

    assert invalid_names(missing) == {"reason"}
    assert invalid_names(unknown) == {"assignee"}
    assert done.status_code == 200, done.content
    assert done.json()["assignee"] == colleague.user.username


def test_returning_my_task_puts_it_back_in_the_queue(caseworker):
    application = make_application(actor=caseworker.user)
    task = check_task(application, assignee=caseworker.user)

    response = caseworker.post(
        f"/api/v1/tasks/{task.pk}/actions/return", {"reason": "On leave."}, format="json"
    )

    assert response.status_code == 200, response.content
    assert response.json()["assignee"] is None
    event = ApplicationEvent.objects.get(application=application, action="return-task")
    assert event.payload == {
        "task": "test-register-check",
        "from": caseworker.user.username,
        "queue": "process:regular-economic",
    }


def test_an_unknown_task_action_is_a_404(caseworker):
    task = check_task(make_application(actor=caseworker.user), assignee=caseworker.user)

    is_problem(caseworker.post(f"/api/v1/tasks/{task.pk}/actions/finish", {}), 404)


def test_staff_without_sight_of_the_application_cannot_take_its_task(caseworker):
    task = handle_task(make_application(actor=caseworker.user))

    response = client_for("contact", units=[make_unit("contact-centre", processes=[])]).post(
        f"/api/v1/tasks/{task.pk}/actions/take", {}, format="json"
    )

    assert response.status_code == 404
