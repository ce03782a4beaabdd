"""Screens for daily work: my worklist, get next, a task and its result."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indigo import clock
from indigo.accounts.decorators import staff_required
from indigo.cases.access import (
    application_view_record,
    applications_seen,
    applications_visible_to,
)
from indigo.errors import DomainError
from indigo.organisation.decorators import may_required
from indigo.organisation.permissions import Action, may
from indigo.work import services, urgency
from indigo.work.forms import TaskAssignForm, TaskResultForm, TaskReturnForm
from indigo.work.labels import task_name
from indigo.work.models import Task
from indigo.work.penalties import owner_warnings
from indigo.work.selectors import (
    advice_asked_by,
    assign_candidates,
    worklist_for,
)
from indigo.work.services import owner_of


@staff_required
def worklist(request):
    today = clock.today()
    rows = [
        (
            task,
            urgency.mark(
                start_by=task.start_by, decision_due=task.application.decision_due, today=today
            ),
        )
        for task in worklist_for(user=request.user)
    ]
    applications_seen(
        user=request.user,
        applications=[task.application for task, _ in rows],
        context="work:worklist",
    )
    asked = advice_asked_by(user=request.user)
    return render(
        request,
        "work/worklist.html",
        {
            "rows": rows,
            "penalty_warnings": owner_warnings(user=request.user, on=today),
            "answers": [t for t in asked if t.state == Task.State.DONE],
            "questions": [t for t in asked if t.state == Task.State.OPEN],
            "nav": "worklist",
        },
    )


@may_required(Action.TASK_GET_NEXT)
@require_POST
def get_next(request):
    task = services.work_get_next(actor=request.user)
    if task is None:
        messages.info(request, _("There is no work waiting in your queues."))
        return redirect("work:worklist")
    messages.success(
        request,
        _("New work for you: “%(task)s” on application %(ref)s.")
        % {"task": task_name(task), "ref": task.application.reference},
    )
    if task.is_handle:  # the case itself: straight to the application
        return redirect("staff:application-detail", reference=task.application.reference)
    return redirect("work:task", task_id=task.pk)


def _task_for(request, task_id: int) -> Task:
    """A task the user may see: on an application they may see, or assigned to them."""
    visible = applications_visible_to(request.user)
    return get_object_or_404(
        Task.objects.select_related("application__product", "assignee", "definition"),
        pk=task_id,
        application__in=visible,
    )


@staff_required
def task_detail(request, task_id: int, assign_form=None, return_form=None):
    task = _task_for(request, task_id)
    form = TaskResultForm()
    if request.method == "POST":
        form = TaskResultForm(request.POST)
        if form.is_valid():
            try:
                services.task_complete(actor=request.user, task=task, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Result saved. The owner of the case can see it."))
                return redirect("work:worklist")
    today = clock.today()
    application_view_record(user=request.user, application=task.application, context="work:task")
    is_open = task.state == Task.State.OPEN
    manages = is_open and services.manages_queue(request.user, task.queue)
    return render(
        request,
        "work/task.html",
        {
            "task": task,
            "form": form,
            "mark": urgency.mark(
                start_by=task.start_by, decision_due=task.application.decision_due, today=today
            ),
            "is_mine": task.assignee_id == request.user.pk,
            "may_take": task.state == Task.State.OPEN
            and not task.is_handle
            and task.assignee_id != request.user.pk
            and may(request.user, Action.TASK_TAKE)
            and owner_of(task.application) == request.user,
            "may_manage": is_open and manages,
            "may_return": task.state == Task.State.OPEN
            and task.assignee_id is not None
            and (
                task.assignee_id == request.user.pk
                or services.manages_queue(request.user, task.queue)
            ),
            "assign_form": assign_form
            or TaskAssignForm(candidates=assign_candidates(queue=task.queue, on=today)),
            "return_form": return_form or TaskReturnForm(),
            "nav": "worklist",
        },
    )


@staff_required
@require_POST
def task_take(request, task_id: int):
    task = _task_for(request, task_id)
    try:
        services.task_take(actor=request.user, task=task)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The task is yours now."))
    return redirect("work:task", task_id=task.pk)


@staff_required
@require_POST
def task_assign(request, task_id: int):
    task = _task_for(request, task_id)
    form = TaskAssignForm(
        request.POST, candidates=assign_candidates(queue=task.queue, on=clock.today())
    )
    if form.is_valid():
        try:
            services.task_reassign(actor=request.user, task=task, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("The task was handed over."))
            return redirect("work:task", task_id=task.pk)
    return task_detail(request, task_id, assign_form=form)


@staff_required
@require_POST
def task_return(request, task_id: int):
    task = _task_for(request, task_id)
    form = TaskReturnForm(request.POST)
    if form.is_valid():
        try:
            services.task_return(actor=request.user, task=task, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("The task is back in its queue."))
            return redirect("work:task", task_id=task.pk)
    return task_detail(request, task_id, return_form=form)
