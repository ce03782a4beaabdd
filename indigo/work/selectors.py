"""Reads of work: worklists and queues."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from indigo import clock
from indigo.organisation.models import Membership, Unit
from indigo.organisation.selectors import members_of
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


def advice_asked_by(*, user, limit: int = 20) -> list[Task]:
    """The user's questions: open ones, and the answers on cases still being handled
    (one query; the worklist splits them by state)."""
    return list(
        Task.objects.filter(requested_by=user)
        .filter(
            Q(state=Task.State.OPEN)
            | Q(state=Task.State.DONE)
            & ~Q(application__status__in=["notified", "closed", "withdrawn"])
        )
        .select_related("application__product", "assignee", "completed_by")
        .order_by("-completed_at", "due_on", "-id")[:limit]
    )


def advice_answered_for(*, user, limit: int = 20) -> list[Task]:
    """Answers to the advice the user asked, on cases still being handled."""
    return [t for t in advice_asked_by(user=user, limit=limit) if t.state == Task.State.DONE]


def assign_candidates(*, queue: str, on):
    """Who a manager can give a task of `queue` to: the members of units serving it."""
    kind, _sep, code = queue.partition(":")
    field = "processes" if kind == "process" else "specialisms"
    ids = set()
    for unit in Unit.objects.all():
        if code in getattr(unit, field):
            ids |= set(members_of(unit=unit, on=on).values_list("user_id", flat=True))
    return get_user_model().objects.filter(pk__in=ids).order_by("last_name", "username")


def advice_colleagues(*, exclude):
    """Staff one can ask by name: members of a unit today."""
    today = clock.today()
    ids = (
        Membership.objects.filter(valid_from__lte=today)
        .exclude(valid_to__lt=today)
        .values_list("user_id", flat=True)
    )
    return (
        get_user_model()
        .objects.filter(pk__in=ids)
        .exclude(pk=exclude.pk)
        .order_by("last_name", "username")
    )
