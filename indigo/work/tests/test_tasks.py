import pytest

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import ApplicationEvent, Status
from indigo.cases.services import application_act
from indigo.decisions.tests.factories import final_decision
from indigo.errors import Conflict, InvalidInput, NotAllowed
from indigo.work.models import HANDLE, Task
from indigo.work.services import owner_of, task_complete, task_reassign, work_get_next


@pytest.fixture
def in_assessment(caseworker, new_application, with_tasks):
    with_tasks()
    application = new_application()
    work_get_next(actor=caseworker)
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    return application


def task(application, code):
    return Task.objects.get(application=application, code=code)


def test_starting_assessment_creates_the_parallel_tasks_of_the_version(in_assessment):
    queues = dict(Task.objects.filter(application=in_assessment).values_list("code", "queue"))

    assert queues == {
        HANDLE: "process:regular-economic",
        "test-register-check": "process:regular-economic",
        "test-document-examination": "specialism:test-document-examination",
    }


def test_starting_assessment_makes_the_caseworker_owner_when_nobody_owns_it(
    caseworker, new_application, with_tasks
):
    with_tasks()
    application = new_application()
    application_act(actor=caseworker, application=application, action="start-intake")
    application_act(actor=caseworker, application=application, action="start-assessment")

    assert owner_of(application) == caseworker


def test_a_decision_cannot_be_proposed_while_a_blocking_task_is_open(caseworker, in_assessment):
    with pytest.raises(Conflict, match="blocking task"):
        application_act(actor=caseworker, application=in_assessment, action="propose-decision")

    in_assessment.refresh_from_db()
    assert in_assessment.status == Status.ASSESSMENT


def test_the_decision_can_be_proposed_when_the_specialist_has_reported(
    caseworker, specialist, in_assessment
):
    work_get_next(actor=specialist)
    task_complete(
        actor=specialist,
        task=task(in_assessment, "test-document-examination"),
        outcome="no-concerns",
        result="Passport genuine.",
    )
    own = task(in_assessment, "test-register-check")
    task_reassign(actor=caseworker, task=own, assignee=caseworker, reason="I do it myself")
    task_complete(actor=caseworker, task=own, outcome="no-concerns", result="Registered.")

    application = application_act(
        actor=caseworker, application=in_assessment, action="propose-decision"
    )

    assert application.status == Status.DECISION
    advice = ApplicationEvent.objects.get(
        application=application, action="complete-task", actor=specialist
    )
    assert advice.reason == "Passport genuine."
    assert owner_of(application) == caseworker  # advice, not a hand-off


def test_a_task_that_is_not_yours_cannot_be_completed(caseworker, specialist, in_assessment):
    work_get_next(actor=specialist)
    examination = task(in_assessment, "test-document-examination")

    with pytest.raises(NotAllowed, match="not yours"):
        task_complete(actor=caseworker, task=examination, outcome="concerns", result="x")

    examination.refresh_from_db()
    assert examination.state == "open"


def test_a_result_needs_an_outcome_and_words(specialist, in_assessment):
    work_get_next(actor=specialist)
    examination = task(in_assessment, "test-document-examination")

    with pytest.raises(InvalidInput) as exc:
        task_complete(actor=specialist, task=examination, outcome="fine", result="x")
    assert exc.value.field == "outcome"
    with pytest.raises(InvalidInput) as exc:
        task_complete(actor=specialist, task=examination, outcome="concerns", result=" ")
    assert exc.value.field == "result"


def test_ownership_can_be_reassigned_with_a_reason_by_a_manager(
    caseworker, in_assessment, regular_unit
):
    manager = user_with_role("manager", units=[regular_unit])
    colleague = user_with_role("caseworker", units=[regular_unit])

    task_reassign(
        actor=manager,
        task=task(in_assessment, HANDLE),
        assignee=colleague,
        reason="Anna is on leave for three weeks",
    )

    assert owner_of(in_assessment) == colleague
    event = ApplicationEvent.objects.get(application=in_assessment, action="reassign-owner")
    assert event.reason == "Anna is on leave for three weeks"
    assert (event.payload["from"], event.payload["to"]) == (caseworker.username, colleague.username)


def test_ownership_cannot_go_to_someone_without_access(in_assessment, regular_unit):
    manager = user_with_role("manager", units=[regular_unit])
    outsider = user_with_role(
        "caseworker", units=[make_unit("asylum-ter-apel", processes=["asylum"])]
    )

    with pytest.raises(InvalidInput, match="not a member of a unit") as exc:
        task_reassign(
            actor=manager, task=task(in_assessment, HANDLE), assignee=outsider, reason="capacity"
        )

    assert exc.value.field == "assignee"
    assert owner_of(in_assessment) != outsider


def test_only_the_assignee_or_a_manager_may_reassign(in_assessment, regular_unit):
    colleague = user_with_role("caseworker", units=[regular_unit])

    with pytest.raises(NotAllowed):
        task_reassign(
            actor=colleague, task=task(in_assessment, HANDLE), assignee=colleague, reason="mine now"
        )


def test_a_reassignment_needs_a_reason(caseworker, in_assessment):
    with pytest.raises(InvalidInput, match="reason"):
        task_reassign(
            actor=caseworker, task=task(in_assessment, HANDLE), assignee=caseworker, reason=""
        )


def test_notifying_the_decision_closes_the_remaining_work(caseworker, specialist, in_assessment):
    Task.objects.filter(application=in_assessment).exclude(code=HANDLE).update(blocking=False)
    application = application_act(
        actor=caseworker, application=in_assessment, action="propose-decision"
    )
    final_decision(application, caseworker)
    application_act(actor=caseworker, application=application, action="notify")

    assert not Task.objects.filter(application=in_assessment, state="open").exists()
