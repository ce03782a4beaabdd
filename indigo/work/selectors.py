"""Reads of work: worklists and queues."""

from django.db.models import QuerySet

from indigo.work.models import Task
from indigo.work.services import may_reassign, may_take


def worklist_for(*, user, limit: int = 50) -> QuerySet[Task]:
    """The employee's open tasks, most urgent first (one indexed query)."""
    return (
        Task.objects.filter(assignee=user, state=Task.State.OPEN)
        .select_related("application__product", "definition")
        .only(
            "id",
            "code",
            "queue",
            "start_by",
            "due_on",
            "blocking",
            "application__reference",
            "application__applicant",  # for the processing log (who saw which person)
            "application__status",
            "application__decision_due",
            "application__product__code",
            "application__product__name_en",
            "application__product__name_nl",
            "definition__name_en",
            "definition__name_nl",
        )
        .order_by("start_by", "id")[:limit]
    )


def tasks_of(*, application) -> QuerySet[Task]:
    return application.tasks.select_related("assignee", "definition").order_by(
        "state", "start_by", "id"
    )


def task_actions(*, user, task: Task) -> list[str]:
    """What `user` can do with `task` now: take, complete, assign, return."""
    if task.state != Task.State.OPEN:
        return []
    actions = []
    if may_take(actor=user, task=task):
        actions.append("take")
    if task.assignee_id == user.pk and not task.is_handle:
        actions.append("complete")
    if may_reassign(actor=user, task=task):
        actions.append("assign")
    if task.assignee_id == user.pk:
        actions.append("return")
    return actions
