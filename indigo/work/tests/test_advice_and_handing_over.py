"""Advice on request, the owner taking a task on their own case, and a manager
assigning, reassigning and returning tasks in their units (issue 11, item 2)."""

from datetime import date, timedelta

import pytest

from indigo import clock
from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.services import application_act
from indigo.errors import Conflict, InvalidInput, NotAllowed
from indigo.work.models import Task
from indigo.work.selectors import advice_answered_for, worklist_for
from indigo.work.services import (
    advice_request,
    task_complete,
    task_reassign,
    task_return,
    task_take,
    work_get_next,
)


@pytest.fixture
def in_assessment(caseworker, new_application, with_tasks, documents_unit):
    with_tasks()
    application = new_application()
    work_get_next(actor=caseworker)
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    return application


def _soon():
    return clock.today() + timedelta(days=7)


def test_the_owner_asks_a_specialism_and_the_answer_returns(caseworker, specialist, in_assessment):
    question = "Is the diploma from this university genuine?"
    advice = advice_request(
        actor=caseworker,
        application=in_assessment,
        specialism="test-document-examination",
        question=question,
        due_on=_soon(),
    )

    assert advice.queue == "specialism:test-document-examination"
    assert advice.assignee is None and advice.question == question
    asked = ApplicationEvent.objects.get(application=in_assessment, action="advice-requested")
    assert asked.reason == question and asked.payload["to"] is None

    # The specialist's "Get next" hands out the question (among the specialism's work).
    got = []
    while (task := work_get_next(actor=specialist)) is not None:
        got.append(task)
    assert advice.pk in {t.pk for t in got}
    task_complete(
        actor=specialist, task=Task.objects.get(pk=advice.pk), outcome="no-concerns",
        result="Genuine: checked with the register.",
    )  # fmt: skip

    answered = ApplicationEvent.objects.filter(application=in_assessment, action="complete-task")
    assert answered.filter(reason="Genuine: checked with the register.").exists()
    assert [t.pk for t in advice_answered_for(user=caseworker)] == [advice.pk]


def test_the_owner_asks_a_named_colleague(caseworker, specialist, in_assessment):
    advice = advice_request(
        actor=caseworker,
        application=in_assessment,
        colleague=specialist,
        question="Can you look at page 3?",
        due_on=_soon(),
    )

    assert advice.assignee == specialist
    assert advice.pk in [t.pk for t in worklist_for(user=specialist)]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"question": "  "}, "question"),
        ({"specialism": ""}, "specialism"),
        ({"specialism": "astrology"}, "specialism"),
        ({"due_on": date(2000, 1, 1)}, "due_on"),
    ],
)
def test_bad_advice_requests_name_the_field_and_change_nothing(
    caseworker, in_assessment, changes, field
):
    before = Task.objects.count()
    kwargs = {
        "specialism": "test-document-examination",
        "question": "Genuine?",
        "due_on": _soon(),
    } | changes

    with pytest.raises(InvalidInput) as refused:
        advice_request(actor=caseworker, application=in_assessment, **kwargs)

    assert refused.value.field == field
    assert Task.objects.count() == before


def test_only_the_owner_asks_for_advice(regular_unit, in_assessment):
    other = user_with_role("caseworker", units=[regular_unit])

    with pytest.raises(NotAllowed):
        advice_request(
            actor=other,
            application=in_assessment,
            specialism="test-document-examination",
            question="Genuine?",
            due_on=_soon(),
        )


def test_the_owner_takes_any_open_task_on_their_own_case(caseworker, in_assessment):
    examination = Task.objects.get(application=in_assessment, code="test-document-examination")

    task_take(actor=caseworker, task=examination)

    examination.refresh_from_db()
    assert examination.assignee == caseworker
    task_complete(actor=caseworker, task=examination, outcome="no-concerns", result="Fine.")
    assert Task.objects.get(pk=examination.pk).state == "done"


def test_someone_else_cannot_take_a_task_on_a_case_they_do_not_own(regular_unit, in_assessment):
    # Outside the task's queue: neither the owner nor someone "get next" would give it to.
    elsewhere = make_unit("social", processes=["regular-social"])
    other = user_with_role("caseworker", units=[elsewhere])
    check = Task.objects.get(application=in_assessment, code="test-register-check")

    with pytest.raises(NotAllowed):
        task_take(actor=other, task=check)


def test_a_colleague_takes_a_waiting_task_of_their_queue_as_get_next_would(
    regular_unit, in_assessment
):
    colleague = user_with_role("caseworker", units=[regular_unit])
    check = Task.objects.get(application=in_assessment, code="test-register-check")

    task_take(actor=colleague, task=check)

    check.refresh_from_db()
    assert check.assignee == colleague


def test_a_manager_assigns_reassigns_and_returns_in_their_unit(
    caseworker, regular_unit, in_assessment
):
    manager = user_with_role("manager", units=[regular_unit])
    colleague = user_with_role("caseworker", units=[regular_unit])
    check = Task.objects.get(application=in_assessment, code="test-register-check")

    task_reassign(actor=manager, task=check, assignee=colleague, reason="She has time today")
    task_reassign(actor=manager, task=check, assignee=caseworker, reason="Back to the owner")
    task_return(actor=manager, task=check, reason="Nobody can do it this week")

    check.refresh_from_db()
    assert check.assignee is None
    kinds = list(
        ApplicationEvent.objects.filter(application=in_assessment, reason__isnull=False)
        .filter(action__in=["assign-task", "return-task"])
        .order_by("id")
        .values_list("action", "reason")
    )
    assert kinds[-3:] == [
        ("assign-task", "She has time today"),
        ("assign-task", "Back to the owner"),
        ("return-task", "Nobody can do it this week"),
    ]


def test_a_task_handed_to_someone_outside_the_unit_is_refused(regular_unit, in_assessment):
    manager = user_with_role("manager", units=[regular_unit])
    outsider = user_with_role(
        "caseworker", units=[make_unit("family", processes=["regular-social"])]
    )
    check = Task.objects.get(application=in_assessment, code="test-register-check")

    with pytest.raises(InvalidInput) as refused:
        task_reassign(actor=manager, task=check, assignee=outsider, reason="try")

    assert refused.value.field == "assignee"
    check.refresh_from_db()
    assert check.assignee is None


def test_a_manager_of_another_unit_cannot_hand_out_the_task(in_assessment, regular_unit):
    elsewhere = user_with_role("manager", units=[make_unit("family", processes=["regular-social"])])
    colleague = user_with_role("caseworker", units=[regular_unit])
    check = Task.objects.get(application=in_assessment, code="test-register-check")

    with pytest.raises(NotAllowed):
        task_reassign(actor=elsewhere, task=check, assignee=colleague, reason="mine now")


def test_returning_needs_a_reason_and_an_assigned_task(caseworker, in_assessment):
    check = Task.objects.get(application=in_assessment, code="test-register-check")
    task_take(actor=caseworker, task=check)

    with pytest.raises(InvalidInput) as refused:
        task_return(actor=caseworker, task=check, reason=" ")
    assert refused.value.field == "reason"

    task_return(actor=caseworker, task=check, reason="Not for me after all")
    with pytest.raises(Conflict):
        task_return(actor=caseworker, task=check, reason="again")
