"""Changes to work: tasks created by the lifecycle, handed out, reassigned, completed.

What the lifecycle's steps do to the work is in `indigo.work.steps`.
"""

from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.accounts.roles import CASEWORKER_ROLES, has_role, is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.effective_dates import effective_on_for
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.catalog.models import TaskDefinition
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.organisation.models import Unit
from indigo.organisation.permissions import (
    Action,
    casework_queues_of,
    may,
    require,
    task_action,
)
from indigo.organisation.selectors import queues_of, units_of
from indigo.work import urgency
from indigo.work.models import HANDLE, Task

OPEN = Task.State.OPEN
ADVICE = "advice"
ACTIVE_FOR_ADVICE = (
    Status.INTAKE,
    Status.ASSESSMENT,
    Status.SUSPENDED,
    Status.DECISION,
    Status.OBJECTION,
)


# --- created and kept up to date by the lifecycle ------------------------------------


def _handle_expected_days(application: Application, *, new: bool = False) -> int:
    # A new application has no tasks yet: no need to ask.
    open_days = (
        None
        if new
        else Task.objects.filter(application=application, state=OPEN)
        .exclude(code=HANDLE)
        .aggregate(m=Max("expected_days"))["m"]
    )
    if open_days is not None:
        return open_days
    if application.status in (Status.RECEIVED, Status.INTAKE, Status.SUSPENDED):
        planned = TaskDefinition.objects.filter(version=application.product_version_id)
        return planned.aggregate(m=Max("expected_days"))["m"] or 0
    return 0


def urgency_refresh(*, application: Application) -> None:
    """Recompute start_by of the application's open tasks after its deadline moved."""
    handle_days = _handle_expected_days(application)
    for task in Task.objects.filter(application=application, state=OPEN):
        days = handle_days if task.is_handle else task.expected_days
        new = urgency.start_by(decision_due=application.decision_due, expected_days=days)
        if new != task.start_by:
            task.start_by = new
            task.save(update_fields=["start_by"])


def open_handle_task(application: Application, *, new: bool = False) -> Task:
    """`new`: the application was received just now (it has no other tasks yet)."""
    return Task.objects.create(
        application=application,
        code=HANDLE,
        queue=f"process:{application.product.process}",
        blocking=False,
        due_on=application.decision_due,
        start_by=urgency.start_by(
            decision_due=application.decision_due,
            expected_days=_handle_expected_days(application, new=new),
        ),
    )


def open_assessment_tasks(application: Application, *, today) -> list[Task]:
    tasks = []
    for definition in TaskDefinition.objects.filter(version=application.product_version_id):
        tasks.append(
            Task(
                application=application,
                definition=definition,
                code=definition.code,
                queue=definition.queue_for(application.product.process),
                blocking=definition.blocking,
                expected_days=definition.expected_days,
                due_on=min(today + timedelta(days=definition.due_days), application.decision_due),
                start_by=urgency.start_by(
                    decision_due=application.decision_due,
                    expected_days=definition.expected_days,
                ),
            )
        )
    return Task.objects.bulk_create(tasks)


def owner_of(application: Application):
    task = (
        Task.objects.filter(application=application, code=HANDLE, state=OPEN)
        .select_related("assignee")
        .first()
    )
    return task.assignee if task else None


# --- handing out and reassigning -------------------------------------------------------


def task_assign(task: Task, assignee, *, by, reason: str, on=None) -> None:
    """Give an open task (inside the caller's transaction) and record it."""
    previous = task.assignee
    task.assignee = assignee
    task.assigned_at = clock.now()
    task.save(update_fields=["assignee", "assigned_at"])
    event_record(
        application=task.application,
        actor=by,
        effective_on=on,
        action=EventKind.OWNER_REASSIGNED
        if task.is_handle and previous
        else (EventKind.OWNERSHIP_TAKEN if task.is_handle else EventKind.TASK_ASSIGNED),
        reason=reason,
        payload={
            "task": task.code,
            "from": previous.get_username() if previous else None,
            "to": assignee.get_username(),
        },
    )


def _waiting(queue: str, *, owners: bool):
    waiting = Task.objects.filter(state=OPEN, assignee__isnull=True, queue=queue)
    if not owners:
        waiting = waiting.exclude(code=HANDLE)  # only caseworkers own cases
    return waiting.order_by("start_by", "id")


def _most_urgent_queue(queues: set[str], *, owners: bool) -> str | None:
    """The queue whose first waiting task is the most urgent.

    One index probe per queue (work_task_unassigned_urgent) instead of one query over
    all queues, which at millions of waiting tasks would read and sort them all.
    """
    heads = []
    for queue in queues:
        head = _waiting(queue, owners=owners).values_list("start_by", "id").first()
        if head is not None:
            heads.append((head, queue))
    return min(heads)[1] if heads else None


def work_get_next(*, actor, attempts: int = 5) -> Task | None:
    """Hand the most urgent unassigned task of the actor's queues to the actor.

    Atomic under concurrent use: on PostgreSQL the candidate row is locked with
    SELECT … FOR UPDATE SKIP LOCKED, so parallel callers each get another row. On
    SQLite a write transaction holds the database lock (IMMEDIATE mode), and the
    conditional UPDATE below re-checks the row is still free in any case.
    """
    if not may(actor, Action.TASK_GET_NEXT):
        return None
    queues = casework_queues_of(user=actor, on=clock.today())
    owners = may(actor, Action.TASK_OWN)
    for _attempt in range(attempts):
        queue = _most_urgent_queue(queues, owners=owners)
        if queue is None:
            return None
        with transaction.atomic():
            candidates = _waiting(queue, owners=owners)
            if connection.vendor == "postgresql":
                candidates = candidates.select_for_update(skip_locked=True)
            task = candidates.first()
            if task is None:
                continue  # taken meanwhile: look again
            claimed = Task.objects.filter(pk=task.pk, assignee__isnull=True).update(
                assignee=actor, assigned_at=clock.now()
            )
            if claimed:
                task.refresh_from_db()
                event_record(
                    application=task.application,
                    actor=actor,
                    action=EventKind.OWNERSHIP_TAKEN if task.is_handle else EventKind.TASK_ASSIGNED,
                    reason="get next",
                    payload={"task": task.code, "from": None, "to": actor.get_username()},
                )
                return task
    return None


def may_reassign(*, actor, task: Task) -> bool:
    """The task's assignee, the owner of the application (not for ownership itself) or
    a manager of a unit serving the task's queue may give a task to someone else."""
    return (
        task.assignee_id == actor.pk
        or (not task.is_handle and _owns(actor, task.application))
        or manages_queue(actor, task.queue)
    )


def task_reassign(*, actor, task: Task, assignee, reason: str, on=None) -> Task:
    """Give a task (or, for `handle`, the ownership of an application) to someone else."""
    reason = limits.text_check(reason, field="reason")
    if not reason.strip():
        raise InvalidInput(_("Give a reason for the reassignment."), field="reason")
    with transaction.atomic():
        task = Task.objects.select_for_update().select_related("application").get(pk=task.pk)
        if task.state != OPEN:
            raise Conflict(_("This task is no longer open."), code="task-closed")
        if not may_reassign(actor=actor, task=task):
            raise NotAllowed(
                _(
                    "Only the task's assignee, the owner of the application or a manager can "
                    "reassign it."
                )
            )
        if task.is_handle and not has_role(assignee, *CASEWORKER_ROLES):
            raise InvalidInput(
                _("%(name)s is not a caseworker and cannot own an application.")
                % {"name": assignee.get_username()},
                field="assignee",
            )
        in_queue = task.queue in queues_of(user=assignee, on=clock.today())
        managing = manages_queue(actor, task.queue)
        if managing and not in_queue and not task.is_advice:
            raise InvalidInput(
                _(
                    "%(name)s is not a member of a unit that works on this queue. Choose a "
                    "member of the unit."
                )
                % {"name": assignee.get_username()},
                field="assignee",
            )
        may_see = applications_visible_to(assignee).filter(pk=task.application_id).exists()
        if not (may_see or in_queue):
            raise InvalidInput(
                _(
                    "%(name)s has no access to this application. Choose a member of a unit "
                    "that handles it."
                )
                % {"name": assignee.get_username()},
                field="assignee",
            )
        effective = effective_on_for(
            actor=actor, on=on, application=task.application, today=clock.today()
        )
        task_assign(task, assignee, by=actor, reason=reason.strip(), on=effective)
    return task


def task_complete(*, actor, task: Task, outcome: str, result: str, on=None) -> Task:
    """Record the result of a task; it goes back to the owner as advice (R6)."""
    if outcome not in Task.Outcome.values:
        raise InvalidInput(
            _("Choose an outcome: %(outcomes)s.") % {"outcomes": ", ".join(Task.Outcome.values)},
            field="outcome",
        )
    result = limits.text_check(result, field="result")
    if not result.strip():
        raise InvalidInput(_("Write down the result, for the owner of the case."), field="result")
    with transaction.atomic():
        task = Task.objects.select_for_update().select_related("application").get(pk=task.pk)
        if task.is_handle:
            raise Conflict(_("Ownership ends with the decision, not by completing it."))
        if task.state != OPEN:
            raise Conflict(_("This task is already closed."), code="task-closed")
        if task.assignee_id != actor.pk:
            raise NotAllowed(_("This task is not yours. Ask its assignee or a manager."))
        if not _owns(actor, task.application) and not task.is_advice:
            require(
                actor, task_action(code=task.code, queue=task.queue), application=task.application
            )
        effective = effective_on_for(
            actor=actor, on=on, application=task.application, today=clock.today()
        )
        task.state = Task.State.DONE
        task.outcome = outcome
        task.result = result.strip()
        # Output is counted by when the work was done, also when recorded later (paper).
        task.completed_at = clock.at_noon(effective) if effective != clock.today() else clock.now()
        task.completed_by = actor
        task.save(update_fields=["state", "outcome", "result", "completed_at", "completed_by"])
        event_record(
            application=task.application,
            actor=actor,
            effective_on=effective,
            action=EventKind.TASK_COMPLETED,
            reason=task.result,
            payload={"task": task.code, "outcome": outcome},
        )
        urgency_refresh(application=task.application)
    return task


# --- the owner takes work, asks for advice; a manager returns work ---------------------


def _owns(actor, application: Application) -> bool:
    owner = owner_of(application)
    return owner is not None and owner.pk == actor.pk


def manages_queue(actor, queue: str) -> bool:
    """A manager of a unit that serves `queue` (assigns, reassigns and returns its tasks)."""
    if actor.is_superuser:
        return True
    return any(
        queue in unit.queues() and may(actor, Action.TASK_ASSIGN, unit=unit)
        for unit in units_of(user=actor, on=clock.today())
    )


def _owner_takes(actor, task: Task) -> bool:
    return not task.is_handle and _owns(actor, task.application) and may(actor, Action.TASK_TAKE)


def may_take(*, actor, task: Task) -> bool:
    """An open task nobody holds in one of the actor's queues (what "get next" would
    hand out; owning a case only for a caseworker), or any open task of a case the actor
    owns (e.g. a register check they can do in a minute themselves)."""
    if task.state != OPEN or task.assignee_id == actor.pk:
        return False
    if _owner_takes(actor, task):
        return True
    return (
        task.assignee_id is None
        and task.queue in queues_of(user=actor, on=clock.today())
        and may(actor, task_action(code=task.code, queue=task.queue))
    )


def task_take(*, actor, task: Task) -> Task:
    """Take one task: see `may_take`. Taking one's own task again changes nothing."""
    with transaction.atomic():
        task = Task.objects.select_for_update().select_related("application").get(pk=task.pk)
        if task.state != OPEN:
            raise Conflict(_("This task is no longer open."), code="task-closed")
        if task.assignee_id == actor.pk:
            return task
        owner_takes = _owner_takes(actor, task)
        if not owner_takes:
            if task.assignee_id is not None:
                raise Conflict(
                    _("This task is already assigned to %(name)s.")
                    % {"name": task.assignee.get_username()},
                    code="task-taken",
                )
            if task.queue not in queues_of(user=actor, on=clock.today()):
                raise NotAllowed(
                    _("This task is not in the queues of your units."), code="not-your-queue"
                )
            if not may_take(actor=actor, task=task):
                raise NotAllowed(
                    _("Your role does not let you take this task."), code="not-allowed"
                )
        reason = _("taken by the owner of the case") if owner_takes else _("taken")
        task_assign(task, actor, by=actor, reason=reason)
    return task


def task_return(*, actor, task: Task, reason: str) -> Task:
    """Put an assigned task back in its queue (its assignee, or a manager of a unit
    serving the queue), with a reason for whoever takes it next."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Give a reason for returning the task."), field="reason")
    with transaction.atomic():
        task = Task.objects.select_for_update().select_related("application").get(pk=task.pk)
        if task.state != OPEN:
            raise Conflict(_("This task is no longer open."), code="task-closed")
        if task.assignee_id is None:
            raise Conflict(_("This task is already waiting in its queue."), code="unassigned")
        own = task.assignee_id == actor.pk
        if not (own or manages_queue(actor, task.queue)):
            raise NotAllowed(
                _("Only the task's assignee or a manager of its unit can return it."),
                code="not-allowed",
            )
        previous = task.assignee
        task.assignee = None
        task.assigned_at = None
        task.save(update_fields=["assignee", "assigned_at"])
        event_record(
            application=task.application,
            actor=actor,
            action=EventKind.TASK_RETURNED,
            reason=reason,
            payload={"task": task.code, "from": previous.get_username(), "queue": task.queue},
        )
    return task


def advice_specialisms() -> list[str]:
    """The specialisms one can ask: those some unit serves."""
    codes = {code for unit in Unit.objects.all() for code in unit.specialisms}
    return sorted(codes)


def advice_request(
    *,
    actor,
    application: Application,
    question: str,
    due_on,
    specialism: str = "",
    colleague=None,
) -> Task:
    """The owner asks a specialism (its queue) or a named colleague a question.

    It becomes an open task; its answer (`task_complete`) is recorded on the timeline
    and shows on the owner's worklist.
    """
    question = (question or "").strip()
    if not question:
        raise InvalidInput(_("Write down your question."), field="question")
    today = clock.today()
    if due_on is None:
        raise InvalidInput(_("Give the date by which you need the answer."), field="due_on")
    if due_on <= today:
        raise InvalidInput(
            _("The answer must be due after today (%(today)s).") % {"today": day(today)},
            field="due_on",
        )
    if not specialism and colleague is None:
        raise InvalidInput(_("Choose a specialism or a colleague to ask."), field="specialism")
    if specialism and specialism not in advice_specialisms():
        raise InvalidInput(
            _("No unit gives advice on “%(code)s”. Choose one of the list.") % {"code": specialism},
            field="specialism",
        )
    if not may(actor, Action.ADVICE_REQUEST, application=application):
        raise NotAllowed(_("Your role does not allow asking for advice."), code="role")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in ACTIVE_FOR_ADVICE:
            raise Conflict(
                _("Advice can be asked only while the application is being handled."),
                code="not-active",
            )
        if not _owns(actor, application):
            raise NotAllowed(
                _("Only the owner of the application can ask for advice on it."),
                code="not-owner",
            )
        if specialism:
            queue = f"specialism:{specialism}"
        else:
            queues = sorted(queues_of(user=colleague, on=today))
            if colleague.pk == actor.pk or not is_staff_member(colleague):
                raise InvalidInput(_("Choose a colleague other than yourself."), field="colleague")
            queue = queues[0] if queues else f"process:{application.product.process}"
        task = Task.objects.create(
            application=application,
            code=specialism or ADVICE,
            queue=queue,
            blocking=False,
            due_on=min(due_on, application.decision_due),
            start_by=min(due_on, application.decision_due),
            question=question,
            requested_by=actor,
            assignee=colleague,
            assigned_at=clock.now() if colleague else None,
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.ADVICE_REQUESTED,
            reason=question,
            payload={
                "task": task.pk,
                "queue": queue,
                "to": colleague.get_username() if colleague else None,
                "due_on": task.due_on.isoformat(),
            },
        )
    return task


def task_complete_known(*, application: Application, code: str, actor, result: str) -> None:
    """Close the application's open tasks of `code` with what the system already knows
    (inside the caller's transaction); the event names the source."""
    for task in Task.objects.select_for_update().filter(
        application=application, code=code, state=OPEN
    ):
        task.state = Task.State.DONE
        task.outcome = Task.Outcome.NO_CONCERNS
        task.result = result
        task.completed_at = clock.now()
        task.save(update_fields=["state", "outcome", "result", "completed_at"])
        event_record(
            application=application,
            actor=actor,
            action=EventKind.TASK_COMPLETED,
            reason=f"Known to Indigo: {result}",
            payload={"task": task.code, "outcome": task.outcome},
        )
