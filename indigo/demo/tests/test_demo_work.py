"""The demo's organisation and work: filled worklists for the printed logins."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from indigo import clock
from indigo.cases.access import applications_visible_to
from indigo.cases.models import Application, ApplicationEvent, Status
from indigo.catalog.models import Process, TaskDefinition
from indigo.demo.loader import demo_load
from indigo.demo.organisation import COLLEAGUES, LOGIN_UNITS
from indigo.demo.tests.conftest import DEMO_DAY
from indigo.organisation.models import Membership, Unit
from indigo.work import capacity, urgency
from indigo.work.models import HANDLE, Task
from indigo.work.selectors import worklist_for
from indigo.work.services import owner_of, work_get_next

COUNT = 120


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    """One demo load for the whole module, rolled back at its end; each test runs in a
    savepoint inside it (pytest-django's `db`)."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        time_machine.travel(DEMO_DAY),
        override_settings(PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        demo_load(count=COUNT, seed=1, documents=False)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_loaded, db):
    pass


def user(username: str):
    return get_user_model().objects.get(username=username)


def mark_of(task) -> str:
    return urgency.mark(
        start_by=task.start_by, decision_due=task.application.decision_due, today=clock.today()
    )


def test_the_printed_caseworker_owns_open_applications_and_gets_next_work(demo):
    caseworker = user("caseworker")

    worklist = list(worklist_for(user=caseworker, limit=500))
    owned = [task for task in worklist if task.code == HANDLE]
    taken = work_get_next(actor=caseworker)

    assert owned and len(owned) < len(Task.objects.filter(code=HANDLE, state="open"))
    assert len({mark_of(task) for task in worklist}) >= 2  # not all equally urgent
    assert taken is not None and taken.assignee == caseworker
    assert taken.queue in {"process:regular-economic", "process:regular-social"}


def test_the_caseworker_owns_the_students_current_study_application(demo):
    student = Application.objects.get(applicant__given_names="Valentina", status=Status.ASSESSMENT)

    assert owner_of(student) == user("caseworker")
    assert applications_visible_to(user("caseworker")).filter(pk=student.pk).exists()


def test_ownership_is_shared_among_the_caseworkers_of_the_process(demo):
    owners = {
        process: set(
            Task.objects.filter(
                code=HANDLE, state="open", assignee__isnull=False,
                application__product__process=process,
            ).values_list("assignee__username", flat=True)
        )
        for process in Process.values
    }  # fmt: skip

    assert len(owners[Process.REGULAR_ECONOMIC]) >= 2
    assert "caseworker" not in owners[Process.ASYLUM] | owners[Process.NATURALISATION]


def test_the_printed_specialist_has_document_examinations_and_gets_next_work(demo):
    specialist = user("specialist")

    worklist = list(worklist_for(user=specialist))
    taken = work_get_next(actor=specialist)

    assert worklist
    assert {task.code for task in worklist} == {"document-examination"}
    assert taken is not None and taken.code == "document-examination"
    assert taken.assignee == specialist


def test_the_contact_centre_sees_regular_and_naturalisation_applications_but_no_asylum(demo):
    visible = applications_visible_to(user("contact"))

    assert Application.objects.filter(product__process=Process.ASYLUM).exists()
    assert not visible.filter(product__process=Process.ASYLUM).exists()
    assert set(visible.values_list("product__process", flat=True)) == {
        Process.REGULAR_ECONOMIC,
        Process.REGULAR_SOCIAL,
        Process.NATURALISATION,
    }


def test_every_completed_task_has_a_result_and_is_done_before_the_proposal(demo):
    done = Task.objects.filter(state=Task.State.DONE).exclude(code=HANDLE)
    proposals = dict(
        ApplicationEvent.objects.filter(action="propose-decision")
        .order_by("-effective_on")
        .values_list("application", "effective_on")
    )

    assert done.count() > COUNT
    for task in done:
        assert task.outcome and task.result.strip() and task.completed_by_id, task
        event = ApplicationEvent.objects.get(
            application=task.application_id, action="complete-task", payload__task=task.code
        )
        assert event.reason == task.result
        assert event.actor_id == task.completed_by_id == task.assignee_id
        if task.application_id in proposals:
            assert event.effective_on <= proposals[task.application_id]
    assert done.filter(outcome=Task.Outcome.CONCERNS).exists()


def test_events_are_recorded_on_their_day_in_order_and_never_after_today(demo):
    today = clock.today()
    for application in Application.objects.prefetch_related("events"):
        events = list(application.events.all())  # in the order they were recorded
        days = [event.effective_on for event in events]

        assert days == sorted(days), application.reference
        assert days[-1] <= today
        assert all(timezone.localdate(e.occurred_at) == e.effective_on for e in events)


def test_specialists_of_each_unit_did_the_specialist_tasks(demo):
    tasks = Task.objects.filter(queue__startswith="specialism:", assignee__isnull=False)

    assert tasks.exists()
    for task in tasks.select_related("assignee"):
        units = Unit.objects.filter(memberships__user=task.assignee)

        assert any(task.code in unit.specialisms for unit in units), task


def test_the_managers_unit_page_shows_stock_output_and_urgency(demo):
    manager = user("manager")
    unit = Unit.objects.get(code="work-and-study-zwolle")
    figures = capacity.unit_capacity(unit=unit, on=clock.today())

    assert Membership.objects.filter(user=manager, unit=unit).exists()
    assert figures.stock.total > 0 and figures.stock.unassigned > 0
    assert figures.stock.expected_late > 0
    assert sum(week.completed for week in figures.output if week.complete) > 0
    assert figures.throughput is not None and figures.weeks_to_clear is not None


def test_the_printed_logins_and_colleagues_are_members_of_their_units(demo):
    for role, codes in LOGIN_UNITS.items():
        login = user(role.value)  # the printed usernames are the roles
        units = set(Membership.objects.filter(user=login).values_list("unit__code", flat=True))

        assert units == set(codes)
    for colleague in COLLEAGUES:
        person = user(colleague.username)

        assert not person.has_usable_password()
        assert Membership.objects.filter(user=person).exists()


def test_every_specialist_task_of_the_catalog_has_a_demo_unit(demo):
    specialisms = set(
        TaskDefinition.objects.filter(queue_kind=TaskDefinition.QueueKind.SPECIALISM).values_list(
            "code", flat=True
        )
    )
    covered = {code for unit in Unit.objects.all() for code in unit.specialisms}

    assert specialisms <= covered
