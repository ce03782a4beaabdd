from datetime import date

import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.services import application_act
from indigo.work.models import HANDLE, Task
from indigo.work.services import owner_of, work_get_next


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_get_next_hands_out_the_case_with_the_least_time_left(caseworker, new_application):
    older_but_later = new_application(received_on=date(2026, 3, 1), product="study")
    newer_but_sooner = new_application(
        received_on=date(2026, 2, 20), product="highly-skilled-migrant"
    )
    # study: 60 days → due 30 Apr; HSM: 90 days from 20 Feb → due 21 May. The study
    # case is more urgent although it arrived later.
    task = work_get_next(actor=caseworker)

    assert task.application == older_but_later
    assert task.code == HANDLE and task.assignee == caseworker
    assert owner_of(older_but_later) == caseworker
    assert work_get_next(actor=caseworker).application == newer_but_sooner
    assert work_get_next(actor=caseworker) is None


def test_get_next_records_the_new_owner_on_the_timeline(caseworker, new_application):
    application = new_application()

    work_get_next(actor=caseworker)

    event = ApplicationEvent.objects.get(application=application, action="take-ownership")
    assert event.actor == caseworker and event.payload["to"] == caseworker.username


def test_get_next_only_hands_out_work_from_the_employees_own_queues(new_application):
    new_application(product="asylum", actor=user_with_role("desk"))
    family = user_with_role("caseworker", units=[])
    from indigo.accounts.tests.factories import join, make_unit

    join(family, make_unit("family-unit", processes=["regular-social"]))

    assert work_get_next(actor=family) is None


def test_a_specialist_is_never_handed_the_ownership_of_a_case(new_application, specialist):
    new_application()

    assert work_get_next(actor=specialist) is None


def test_an_employee_without_a_unit_gets_nothing(new_application):
    new_application()

    assert work_get_next(actor=user_with_role("caseworker", units=[])) is None


def test_specialist_tasks_go_to_the_specialist_unit_in_another_place(
    caseworker, specialist, new_application, with_tasks
):
    with_tasks()
    application = new_application()
    work_get_next(actor=caseworker)
    application_act(actor=caseworker, application=application, action="start-intake")
    application_act(actor=caseworker, application=application, action="start-assessment")

    task = work_get_next(actor=specialist)

    assert task.code == "test-document-examination"
    assert task.assignee == specialist
    assert task.application == application
    assert Task.objects.filter(application=application, state="open").count() == 3


def test_a_specialist_gets_the_task_behind_a_case_waiting_for_an_owner(
    regular_unit, new_application
):
    """Who may not own cases skips the (more urgent) ownership items instead of stalling
    on them: a specialist member of an integral unit does its register checks."""
    from indigo.accounts.tests.factories import user_with_role

    application = new_application(received_on=date(2026, 1, 5))  # its handle task is urgent
    checker = user_with_role("specialist", units=[regular_unit])
    Task.objects.create(
        application=application,
        code="brp-check",
        queue="process:regular-economic",
        due_on=application.decision_due,
        start_by=date(2099, 1, 1),
    )

    task = work_get_next(actor=checker)

    assert task is not None and task.code == "brp-check"
