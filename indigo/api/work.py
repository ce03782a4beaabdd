"""REST API of the work: tasks, "get next", and what can be done with a task.

Thin: who may do what is asked of `indigo.api.permissions`; the work itself is done by
the same services the worklist screens call (`indigo.work.services`).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from indigo import clock
from indigo.api import permissions
from indigo.api.applications import PageLinksOutput
from indigo.api.base import (
    FilterInput,
    StrictInput,
    TaskCursorPagination,
    parse,
    with_lifecycle_actions,
)
from indigo.cases.services import UnknownAction
from indigo.errors import Conflict, InvalidInput
from indigo.work import services, urgency
from indigo.work.labels import task_name
from indigo.work.models import Task
from indigo.work.selectors import task_actions

ACTIONS = ("take", "complete", "assign", "return")

TASK_EXAMPLE = {
    "id": 812,
    "code": "sponsor-check",
    "name": "Check the sponsor",
    "queue": "process:regular-study",
    "state": "open",
    "application": "IND-2026-000123",
    "assignee": "anna",
    "blocking": True,
    "due_on": "2026-09-15",
    "start_by": "2026-09-10",
    "urgency": "on-track",
    "question": "",
    "outcome": "",
    "result": "",
    "completed_at": None,
    "possible_actions": ["complete", "assign", "return"],
}


class TaskOutput(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.SerializerMethodField()
    queue = serializers.CharField()
    state = serializers.ChoiceField(choices=Task.State.choices)
    application = serializers.CharField(source="application.reference")
    assignee = serializers.CharField(source="assignee.username", default=None, allow_null=True)
    blocking = serializers.BooleanField()
    due_on = serializers.DateField()
    start_by = serializers.DateField(help_text="The last day work can start and still be on time.")
    urgency = serializers.SerializerMethodField(help_text="on-track, at-risk or late.")
    question = serializers.CharField(help_text="Advice on request: the owner's question.")
    outcome = serializers.CharField()
    result = serializers.CharField()
    completed_at = serializers.DateTimeField(allow_null=True)
    possible_actions = serializers.SerializerMethodField()

    def get_name(self, task) -> str:
        return task_name(task)

    def get_urgency(self, task) -> str:
        return urgency.mark(
            start_by=task.start_by,
            decision_due=task.application.decision_due,
            today=clock.today(),
        )

    def get_possible_actions(self, task) -> list[str]:
        return task_actions(user=self.context["request"].user, task=task)


class TaskPageOutput(serializers.Serializer):
    """A page of the list (cursor pagination, `_links`)."""

    _links = PageLinksOutput()
    results = TaskOutput(many=True)


class TaskFilterInput(FilterInput):
    queue = serializers.CharField(required=False, max_length=80)
    assignee = serializers.ChoiceField(
        choices=["me"], required=False, help_text="`me`: only the caller's tasks."
    )
    status = serializers.ChoiceField(choices=Task.State.values, required=False)
    application = serializers.CharField(required=False, max_length=20, help_text="A reference.")


class TaskListApi(APIView):
    @extend_schema(
        operation_id="tasks_list",
        tags=["work"],
        summary="List tasks",
        description=(
            "The tasks on applications the caller may see, the most urgent first "
            "(`start_by`). Filter by queue, `assignee=me`, status and application."
        ),
        parameters=[
            OpenApiParameter("queue", str, description="e.g. `process:regular-study`."),
            OpenApiParameter("assignee", str, enum=["me"]),
            OpenApiParameter("status", str, enum=Task.State.values),
            OpenApiParameter("application", str, description="An application reference."),
            OpenApiParameter("page_size", int),
            OpenApiParameter("cursor", str),
        ],
        responses=TaskPageOutput,
        examples=[
            OpenApiExample(
                "My open tasks",
                value={"_links": {"next": None, "prev": None}, "results": [TASK_EXAMPLE]},
                response_only=True,
            )
        ],
    )
    def get(self, request):
        permissions.require(request.user, "tasks_list")
        filters = parse(TaskFilterInput, request.query_params)
        tasks = permissions.tasks_visible_to(request.user).select_related(
            "application__product", "assignee", "definition"
        )
        if filters.get("queue"):
            tasks = tasks.filter(queue=filters["queue"])
        if filters.get("assignee") == "me":
            tasks = tasks.filter(assignee=request.user)
        if filters.get("status"):
            tasks = tasks.filter(state=filters["status"])
        if filters.get("application"):
            tasks = tasks.filter(application__reference=filters["application"].strip().upper())
        paginator = TaskCursorPagination()
        page = paginator.paginate_queryset(tasks, request, view=self)
        return paginator.get_paginated_response(
            TaskOutput(page, many=True, context={"request": request}).data
        )


class TaskDetailApi(APIView):
    @extend_schema(
        operation_id="tasks_retrieve",
        tags=["work"],
        summary="Get a task",
        description="One task, with the actions the caller can take on it now.",
        responses=TaskOutput,
        examples=[OpenApiExample("A task", value=TASK_EXAMPLE, response_only=True)],
    )
    def get(self, request, task_id: int):
        permissions.require(request.user, "tasks_retrieve")
        task = permissions.task_for(request.user, task_id)
        return Response(TaskOutput(task, context={"request": request}).data)


class TaskNextApi(APIView):
    @extend_schema(
        operation_id="tasks_next",
        tags=["work"],
        summary="Get next: take the most urgent waiting task",
        description=(
            "Hands the caller the most urgent unassigned task of their units' queues "
            "(the owning of a case only to caseworkers), exactly as the "
            "worklist's “Get next” button. 204 when no work is waiting."
        ),
        request=None,
        responses={
            200: TaskOutput,
            204: OpenApiResponse(description="No work is waiting in your queues."),
        },
        examples=[OpenApiExample("New work", value=TASK_EXAMPLE, response_only=True)],
    )
    def post(self, request):
        permissions.require(request.user, "tasks_next")
        if request.data:
            parse(StrictInput, request.data)
        task = services.work_get_next(actor=request.user)
        if task is None:
            return Response(status=204)
        task = permissions.task_for(request.user, task.pk)
        return Response(TaskOutput(task, context={"request": request}).data)


class TaskActionInput(StrictInput):
    outcome = serializers.ChoiceField(
        choices=Task.Outcome.values, required=False, help_text="complete: the outcome."
    )
    result = serializers.CharField(
        required=False, allow_blank=True, max_length=4000, help_text="complete: the result."
    )
    assignee = serializers.CharField(
        required=False, max_length=150, help_text="assign: the username of the new assignee."
    )
    reason = serializers.CharField(
        required=False, allow_blank=True, max_length=4000, help_text="assign, return: why."
    )
    on = serializers.DateField(
        required=False, help_text="Staff: the day it happened (paper), not in the future."
    )


def _conflict_with_actions(exc: Conflict, *, user, task: Task) -> Conflict:
    task.refresh_from_db()
    exc.possible_actions = task_actions(user=user, task=task)
    return exc


class TaskActionApi(APIView):
    @extend_schema(
        operation_id="tasks_action",
        tags=["work"],
        summary="Take, complete, assign or return a task",
        description=(
            "`take`: an unassigned task of your queues becomes yours. `complete`: record "
            "the outcome and result of your task (the owner of the case sees it as "
            "advice). `assign`: give the task to a colleague (`assignee`, `reason`). "
            "`return`: give your task back to its queue. A task assigned to someone else "
            "is a 404 for `complete` and `return`; a step not possible now is a 409 "
            "listing `possibleActions`."
        ),
        parameters=[OpenApiParameter("action", str, OpenApiParameter.PATH, enum=ACTIONS)],
        request=TaskActionInput,
        responses=TaskOutput,
        examples=[
            OpenApiExample(
                "Complete",
                value={"outcome": "no-concerns", "result": "Sponsor is in the public register."},
                request_only=True,
            ),
            OpenApiExample(
                "Assign",
                value={"assignee": "bram", "reason": "Bram knows this sponsor."},
                request_only=True,
            ),
            OpenApiExample("The task afterwards", value=TASK_EXAMPLE, response_only=True),
        ],
    )
    def post(self, request, task_id: int, action: str):
        if action not in ACTIONS:
            raise UnknownAction(
                _("There is no action '%(action)s'. Choose one of: %(actions)s.")
                % {"action": action, "actions": ", ".join(ACTIONS)},
                field="action",
            )
        permissions.require(request.user, "tasks_action", action)
        if action in ("complete", "return"):
            task = permissions.own_task_for(request.user, task_id)
        else:
            task = permissions.task_for(request.user, task_id)
        v = parse(TaskActionInput, request.data)
        try:
            if action == "take":
                services.task_take(actor=request.user, task=task)
            elif action == "complete":
                if task.assignee_id is None:
                    raise Conflict(
                        _("Take this task first; then record its result."), code="not-taken"
                    )
                if "outcome" not in v:
                    raise InvalidInput(_("Choose an outcome."), field="outcome")
                services.task_complete(
                    actor=request.user,
                    task=task,
                    outcome=v["outcome"],
                    result=v.get("result", ""),
                    on=v.get("on"),
                )
            elif action == "assign":
                services.task_reassign(
                    actor=request.user,
                    task=task,
                    assignee=_user(v.get("assignee")),
                    reason=v.get("reason", ""),
                    on=v.get("on"),
                )
            else:
                services.task_return(actor=request.user, task=task, reason=v.get("reason", ""))
        except Conflict as exc:
            raise _conflict_with_actions(exc, user=request.user, task=task) from None
        try:
            task = permissions.task_for(request.user, task.pk)
        except NotFound:  # given away, and with it the sight of the application
            task.refresh_from_db()
        return Response(TaskOutput(task, context={"request": request}).data)


def _user(username: str | None):
    if not username:
        raise InvalidInput(_("Give the username of the new assignee."), field="assignee")
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise InvalidInput(
            _("There is no active user %(name)s.") % {"name": username}, field="assignee"
        )
    return user


class AdviceRequestInput(StrictInput):
    question = serializers.CharField(max_length=4000)
    due_on = serializers.DateField(help_text="When the advice is needed; after today.")
    specialism = serializers.SlugField(
        required=False,
        allow_blank=True,
        help_text="Ask a specialism's queue, e.g. `document-examination`…",
    )
    colleague = serializers.CharField(
        required=False, max_length=150, help_text="…or a named colleague (username)."
    )


class AdviceRequestApi(APIView):
    @extend_schema(
        operation_id="advice_requests_create",
        tags=["work"],
        summary="Ask for advice",
        description=(
            "The owner of the application asks a specialism (its queue) or a named "
            "colleague a question with a due date. It becomes a task; its result "
            "(`complete`) returns to the case as advice."
        ),
        request=AdviceRequestInput,
        responses={201: TaskOutput},
        examples=[
            OpenApiExample(
                "Ask document examination",
                value={
                    "question": "Is this passport genuine?",
                    "due_on": "2026-09-10",
                    "specialism": "document-examination",
                },
                request_only=True,
            ),
            OpenApiExample(
                "The advice task",
                value=TASK_EXAMPLE
                | {
                    "code": "advice",
                    "queue": "specialism:document-examination",
                    "assignee": None,
                    "question": "Is this passport genuine?",
                    "possible_actions": [],
                },
                response_only=True,
                status_codes=["201"],
            ),
        ],
    )
    def post(self, request, reference: str):
        permissions.require(request.user, "advice_requests_create")
        application = permissions.application_for(request.user, reference)
        v = parse(AdviceRequestInput, request.data)
        colleague = None
        if v.get("colleague"):
            try:
                colleague = _user(v["colleague"])
            except InvalidInput as exc:
                raise InvalidInput(exc.message, field="colleague") from None
        try:
            task = services.advice_request(
                actor=request.user,
                application=application,
                question=v["question"],
                due_on=v["due_on"],
                specialism=v.get("specialism", ""),
                colleague=colleague,
            )
        except Conflict as exc:
            raise with_lifecycle_actions(exc, application) from None
        task = Task.objects.select_related("application", "assignee", "definition").get(pk=task.pk)
        return Response(TaskOutput(task, context={"request": request}).data, status=201)
