"""Stock, output and capacity figures of a unit (indigo.work.capacity)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import join, make_unit, user_with_role
from indigo.cases.models import Application
from indigo.cases.tests.factories import make_application
from indigo.work import capacity, urgency
from indigo.work.models import Task

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 3, 11)  # a Wednesday, ISO week 11
QUEUE = "process:regular-economic"

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_a_wednesday():
    with time_machine.travel(datetime(2026, 3, 11, 10, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def unit():
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def worker(unit):
    return user_with_role("caseworker", units=[unit])


@pytest.fixture
def task_on(worker):
    """An open task on a fresh application, with receipt date, deadline and urgency set."""

    def make(*, received_ago=10, due_in=30, start_in=None, queue=QUEUE, **fields):
        application = make_application(actor=worker)
        Application.objects.filter(pk=application.pk).update(
            received_on=TODAY - timedelta(days=received_ago),
            decision_due=TODAY + timedelta(days=due_in),
        )
        task = Task.objects.get(application=application)
        start = TODAY + timedelta(days=due_in if start_in is None else start_in)
        Task.objects.filter(pk=task.pk).update(queue=queue, start_by=start, **fields)
        task.refresh_from_db()
        return task

    return make


def completed(task_on, when: datetime, *, queue=QUEUE, state=Task.State.DONE):
    return task_on(queue=queue, state=state, completed_at=when)


def counts(rows) -> dict[str, int]:
    return {bucket.key: count for bucket, count in rows}


# --- stock ---------------------------------------------------------------------------


def test_stock_counts_the_open_tasks_of_the_units_queues_split_by_assignment(task_on, worker):
    task_on()
    task_on(assignee=worker)
    task_on(queue="process:asylum")

    stock = capacity.stock_of(queues={QUEUE}, on=TODAY)

    assert (stock.total, stock.unassigned, stock.assigned) == (2, 1, 1)


def test_completed_and_cancelled_tasks_are_not_stock(task_on):
    task_on(state=Task.State.DONE)
    task_on(state=Task.State.CANCELLED)

    assert capacity.stock_of(queues={QUEUE}, on=TODAY).total == 0


def test_stock_by_age_counts_days_since_the_application_was_received(task_on):
    for days in (0, 30, 31, 60, 61, 90, 91, 400):
        task_on(received_ago=days)

    stock = capacity.stock_of(queues={QUEUE}, on=TODAY)

    assert counts(stock.by_age) == {"0-30": 2, "31-60": 2, "61-90": 2, "over-90": 2}


def test_stock_by_deadline_counts_days_left_with_a_passed_deadline_apart(task_on):
    for days in (-40, -1, 0, 7, 8, 30, 31):
        task_on(due_in=days)

    stock = capacity.stock_of(queues={QUEUE}, on=TODAY)

    assert counts(stock.by_deadline) == {"passed": 2, "0-7": 2, "8-30": 2, "over-30": 1}


def test_expected_late_decisions_are_the_tasks_at_risk_plus_those_past_the_deadline(task_on):
    on_track = task_on(due_in=30, start_in=1)
    at_risk = [task_on(due_in=10, start_in=0), task_on(due_in=5, start_in=-3)]
    late = task_on(due_in=-2, start_in=-20)

    stock = capacity.stock_of(queues={QUEUE}, on=TODAY)

    assert (stock.at_risk, stock.late, stock.expected_late) == (2, 1, 3)
    marks = [
        urgency.mark(start_by=t.start_by, decision_due=t.application.decision_due, today=TODAY)
        for t in (on_track, *at_risk, late)
    ]
    assert marks == ["on-track", "at-risk", "at-risk", "late"]


def test_the_whole_stock_is_counted_in_one_query(task_on, django_assert_num_queries):
    task_on()

    with django_assert_num_queries(1):
        capacity.stock_of(queues={QUEUE, "specialism:document-examination"}, on=TODAY)


def test_the_units_overview_adds_up_the_queues_of_each_unit(task_on):
    documents = make_unit("documents", kind="specialist", specialisms=["document-examination"])
    task_on(due_in=-1)
    task_on(queue="specialism:document-examination", start_in=0)

    rows = {row.unit.code: row for row in capacity.units_overview(on=TODAY)}

    assert (rows["economic-zwolle"].stock, rows["economic-zwolle"].late) == (1, 1)
    assert (rows[documents.code].stock, rows[documents.code].at_risk) == (1, 1)


# --- output --------------------------------------------------------------------------


def test_output_counts_the_tasks_completed_in_each_iso_week(task_on):
    completed(task_on, datetime(2026, 3, 9, 0, 30, tzinfo=AMSTERDAM))  # Monday, week 11
    completed(task_on, datetime(2026, 3, 8, 23, 30, tzinfo=AMSTERDAM))  # Sunday, week 10
    completed(task_on, datetime(2026, 3, 2, 12, tzinfo=AMSTERDAM))  # week 10
    completed(task_on, datetime(2026, 1, 19, 12, tzinfo=AMSTERDAM))  # week 4: 8 weeks back

    output = capacity.output_per_week(queues={QUEUE}, on=TODAY)

    assert [(w.iso_week, w.completed) for w in output] == [
        (4, 1), (5, 0), (6, 0), (7, 0), (8, 0), (9, 0), (10, 2), (11, 1),
    ]  # fmt: skip


def test_output_leaves_out_cancelled_tasks_and_other_queues(task_on):
    when = datetime(2026, 3, 3, 12, tzinfo=AMSTERDAM)
    completed(task_on, when, state=Task.State.CANCELLED)
    completed(task_on, when, queue="process:asylum")

    assert sum(w.completed for w in capacity.output_per_week(queues={QUEUE}, on=TODAY)) == 0


def test_only_the_running_week_is_marked_incomplete():
    output = capacity.output_per_week(queues={QUEUE}, on=TODAY)

    assert [w.complete for w in output] == [True] * 7 + [False]
    assert output[-1].monday == date(2026, 3, 9)


# --- members and throughput ------------------------------------------------------------


def test_members_on_a_day_mark_the_lent_ones_with_their_end(unit, worker):
    lent = join(
        user_with_role("specialist", units=[]),
        unit,
        valid_from=date(2026, 3, 1),
        valid_to=date(2026, 3, 31),
        temporary=True,
    )
    user_with_role("manager", units=[unit])

    members = capacity.members_on(unit=unit, on=TODAY)

    assert [(m.user, m.temporary, m.valid_to) for m in members if m.temporary] == [
        (lent, True, date(2026, 3, 31))
    ]
    assert capacity.queue_workers(members) == 2  # the manager takes no queue work


def test_member_weeks_count_the_days_each_queue_worker_was_a_member(unit, worker):
    join(
        user_with_role("caseworker", units=[]),
        unit,
        valid_from=date(2026, 2, 16),
        valid_to=date(2026, 2, 22),
        temporary=True,
    )
    user_with_role("manager", units=[unit])

    weeks = capacity.member_weeks(unit=unit, start=date(2026, 2, 9), end=date(2026, 3, 9))

    assert weeks == 4 + 1


# --- the unit's figures together ---------------------------------------------------


def test_the_unit_figures_project_the_stock_with_recent_output(unit, worker, task_on):
    join(user_with_role("caseworker", units=[]), unit, valid_from=date(2026, 1, 1))
    for monday in (date(2026, 2, 9), date(2026, 2, 16), date(2026, 2, 23), date(2026, 3, 2)):
        for _ in range(2):
            completed(task_on, datetime.combine(monday, datetime.min.time(), AMSTERDAM))
    completed(task_on, datetime(2026, 3, 10, 9, tzinfo=AMSTERDAM))  # running week: left out
    for _ in range(4):
        task_on()

    figures = capacity.unit_capacity(unit=unit, on=TODAY)

    assert figures.workers == 2
    assert figures.throughput == 1.0  # 8 tasks / (2 members x 4 weeks)
    assert figures.weeks_to_clear == 2.0
    assert [(w.extra, w.members, w.weeks_to_clear) for w in figures.what_if] == [
        (1, 3, pytest.approx(4 / 3)),
        (2, 4, 1.0),
    ]


def test_a_unit_without_output_yet_has_no_projection(unit, worker, task_on):
    task_on()

    figures = capacity.unit_capacity(unit=unit, on=TODAY)

    assert figures.throughput is None
    assert figures.weeks_to_clear is None
    assert [w.weeks_to_clear for w in figures.what_if] == [None, None]
