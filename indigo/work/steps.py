"""What the lifecycle's steps do to the work (see `indigo.cases.lifecycle`).

Registered in `WorkConfig.ready()`; run inside the step's transaction.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indigo import clock
from indigo.accounts.roles import CASEWORKER_ROLES, has_role
from indigo.cases import steps
from indigo.errors import Conflict
from indigo.work.models import HANDLE, Task
from indigo.work.services import (
    open_assessment_tasks,
    open_handle_task,
    owner_of,
    task_assign,
    urgency_refresh,
)

OPEN = Task.State.OPEN


@steps.guard("work.no-blocking-tasks")
def no_blocking_tasks(step: steps.Step) -> None:
    """A decision waits for the results of blocking tasks (a document check, say)."""
    blocking = list(
        Task.objects.filter(application=step.application, state=OPEN, blocking=True)
        .exclude(code=HANDLE)
        .select_related("definition")
        .order_by("code")
    )
    if blocking:
        names = ", ".join(
            task.definition.name if task.definition else task.code for task in blocking
        )
        raise Conflict(
            ngettext(
                "%(count)d blocking task is still open: %(tasks)s. "
                "Wait for its result before proposing a decision.",
                "%(count)d blocking tasks are still open: %(tasks)s. "
                "Wait for their results before proposing a decision.",
                len(blocking),
            )
            % {"count": len(blocking), "tasks": names},
            code="blocking-tasks-open",
        )


@steps.guard("work.has-owner")
def has_owner(step: steps.Step) -> None:
    """The assessment needs an owner: the caseworker starting it, or one assigned."""
    if owner_of(step.application) is None and not has_role(step.actor, *CASEWORKER_ROLES):
        raise Conflict(
            _("The application has no owning caseworker yet. Assign one first."),
            code="no-owner",
        )


@steps.effect("work.open-handle-task")
def open_handle(step: steps.Step) -> None:
    """An application (or an objection to its decision) is work: it needs an owner."""
    open_handle_task(step.application, new=step.action == "receive")


@steps.effect("work.take-ownership")
def take_ownership(step: steps.Step) -> None:
    handle = Task.objects.get(application=step.application, code=HANDLE, state=OPEN)
    if handle.assignee is None:
        task_assign(
            handle,
            step.actor,
            by=step.actor,
            reason="took ownership when starting assessment",
            on=step.on,
        )


@steps.effect("work.open-assessment-tasks")
def open_tasks(step: steps.Step) -> None:
    open_assessment_tasks(step.application, today=step.on)


def _close_open_tasks(step: steps.Step, state: str) -> None:
    Task.objects.filter(application=step.application, state=OPEN).update(
        state=state,
        completed_at=clock.now(),
        completed_by=step.actor if step.actor.is_authenticated else None,
    )


@steps.effect("work.close-tasks")
def close_tasks(step: steps.Step) -> None:
    """The decision is out: the work on the application is done."""
    _close_open_tasks(step, Task.State.DONE)


@steps.effect("work.cancel-tasks")
def cancel_tasks(step: steps.Step) -> None:
    """Withdrawn: the open work is no longer needed."""
    _close_open_tasks(step, Task.State.CANCELLED)


@steps.effect("work.refresh-urgency")
def refresh_urgency(step: steps.Step) -> None:
    urgency_refresh(application=step.application)


steps.on_deadline_moved(lambda application: urgency_refresh(application=application))
