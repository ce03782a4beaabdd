"""Staff screens after the decision: objections and appeals on an application, and
complaints. Thin: a form parses, a service acts, a DomainError becomes a form error."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from indigo import clock
from indigo.accounts.decorators import staff_required
from indigo.appeals import services as appeals
from indigo.cases import selectors
from indigo.cases.models import Application
from indigo.complaints import selectors as complaint_selectors
from indigo.complaints import services as complaints
from indigo.complaints.models import Complaint
from indigo.errors import DomainError
from indigo.objections import services as objections
from indigo.objections.remedy import remedy_kind
from indigo.staff import remedy_forms as f


def _visible(request, reference: str) -> Application:
    try:
        return selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise Http404 from None


# name: (label, form, service call, needs an open objection)
OBJECTION_ACTIONS = {
    "register": (
        gettext_lazy("Register an objection"),
        f.ObjectionForm,
        lambda actor, app, obj, data: objections.objection_register(
            actor=actor, application=app, **data
        ),
    ),
    "schedule-hearing": (
        gettext_lazy("Schedule the hearing"),
        f.HearingScheduleForm,
        lambda actor, app, obj, data: objections.objection_hearing_schedule(
            actor=actor, objection=obj, **data
        ),
    ),
    "record-hearing": (
        gettext_lazy("Record the hearing and its minutes"),
        f.HearingRecordForm,
        lambda actor, app, obj, data: objections.objection_hearing_record(
            actor=actor, objection=obj, **data
        ),
    ),
    "waive-hearing": (
        gettext_lazy("Do not hear the objector"),
        f.HearingWaiveForm,
        lambda actor, app, obj, data: objections.objection_hearing_waive(
            actor=actor, objection=obj, **data
        ),
    ),
    "adjourn": (
        gettext_lazy("Adjourn the decision"),
        f.AdjournForm,
        lambda actor, app, obj, data: objections.objection_adjourn(
            actor=actor,
            objection=obj,
            reason=data["reason"],
            agreed_extra_weeks=data.get("agreed_extra_weeks") or 0,
        ),
    ),
    "decide": (
        gettext_lazy("Decide on the objection"),
        f.ObjectionDecideForm,
        lambda actor, app, obj, data: objections.objection_decide(
            actor=actor, objection=obj, **data
        ),
    ),
}

APPEAL_ACTIONS = {
    "register": (
        gettext_lazy("Register an appeal"),
        f.AppealForm,
        lambda actor, app, appeal, data: appeals.appeal_lodge(actor=actor, application=app, **data),
    ),
    "schedule-hearing": (
        gettext_lazy("Court hearing"),
        f.AppealHearingForm,
        lambda actor, app, appeal, data: appeals.appeal_hearing_schedule(
            actor=actor, appeal=appeal, **data
        ),
    ),
    "request-provisional-measure": (
        gettext_lazy("Provisional measure requested"),
        f.MeasureRequestForm,
        lambda actor, app, appeal, data: appeals.provisional_measure_request(
            actor=actor, appeal=appeal, **data
        ),
    ),
    "decide-provisional-measure": (
        gettext_lazy("Court's decision on the provisional measure"),
        f.MeasureDecisionForm,
        lambda actor, app, appeal, data: appeals.provisional_measure_decide(
            actor=actor, appeal=appeal, **data
        ),
    ),
    "record-judgment": (
        gettext_lazy("Judgment"),
        f.JudgmentForm,
        lambda actor, app, appeal, data: appeals.appeal_judgment_record(
            actor=actor, appeal=appeal, **data
        ),
    ),
}


def _forms(actions, bound_action=None, bound_form=None):
    return [
        (name, label, bound_form if name == bound_action else form_class())
        for name, (label, form_class, _call) in actions.items()
    ]


@staff_required
def objections_page(request, reference: str, bound_action=None, bound_form=None, status=200):
    application = _visible(request, reference)
    items = list(application.objections.select_related("minutes"))
    current = next((o for o in items if o.is_open), None)
    forms = _forms(OBJECTION_ACTIONS, bound_action, bound_form)
    forms = [row for row in forms if (row[0] == "register") == (current is None)]
    return render(
        request,
        "staff/objections.html",
        {
            "application": application,
            "objections": items,
            "current": current,
            "remedy": remedy_kind(application),
            "forms": forms,
            "nav": "applications",
        },
        status=status,
    )


@staff_required
@require_POST
def objection_act(request, reference: str, action: str):
    application = _visible(request, reference)
    if action not in OBJECTION_ACTIONS:
        raise Http404
    _label, form_class, call = OBJECTION_ACTIONS[action]
    form = form_class(request.POST, request.FILES)
    current = application.objections.filter(outcome="").first()
    if form.is_valid():
        try:
            call(request.user, application, current, form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("staff:objections", reference=reference)
    return objections_page(request, reference, bound_action=action, bound_form=form, status=400)


@staff_required
def appeals_page(request, reference: str, bound_action=None, bound_form=None, status=200):
    application = _visible(request, reference)
    items = list(application.appeals.select_related("process_representative"))
    current = next((a for a in reversed(items) if a.is_open), None)
    forms = [
        row
        for row in _forms(APPEAL_ACTIONS, bound_action, bound_form)
        if row[0] == "register" or current is not None
    ]
    return render(
        request,
        "staff/appeals.html",
        {
            "application": application,
            "appeals": items,
            "current": current,
            "forms": forms,
            "nav": "applications",
        },
        status=status,
    )


@staff_required
@require_POST
def appeal_act(request, reference: str, action: str):
    application = _visible(request, reference)
    if action not in APPEAL_ACTIONS:
        raise Http404
    _label, form_class, call = APPEAL_ACTIONS[action]
    form = form_class(request.POST)
    current = application.appeals.filter(outcome="").order_by("-lodged_on", "-id").first()
    if form.is_valid():
        try:
            call(request.user, application, current, form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("staff:appeals", reference=reference)
    return appeals_page(request, reference, bound_action=action, bound_form=form, status=400)


# --- complaints ------------------------------------------------------------------------

COMPLAINT_ACTIONS = {
    "assign": (
        gettext_lazy("Assign a complaints handler"),
        f.ComplaintAssignForm,
        lambda actor, c, data: complaints.complaint_assign(actor=actor, complaint=c, **data),
    ),
    "hearing": (
        gettext_lazy("Hearing"),
        f.ComplaintHearingForm,
        lambda actor, c, data: complaints.complaint_hearing(actor=actor, complaint=c, **data),
    ),
    "extend": (
        gettext_lazy("Postpone the answer"),
        f.ComplaintExtendForm,
        lambda actor, c, data: complaints.complaint_extend(
            actor=actor,
            complaint=c,
            reason=data["reason"],
            agreed_weeks=data.get("agreed_weeks") or 0,
        ),
    ),
    "answer": (
        gettext_lazy("Answer in writing"),
        f.ComplaintAnswerForm,
        lambda actor, c, data: complaints.complaint_answer(actor=actor, complaint=c, **data),
    ),
}


@staff_required
def complaint_list(request):
    mine = request.GET.get("mine") == "1"
    rows = complaint_selectors.complaints_open(handler=request.user if mine else None)[:200]
    return render(
        request,
        "staff/complaint_list.html",
        {"rows": rows, "today": clock.today(), "mine": mine, "nav": "complaints"},
    )


@staff_required
def complaint_new(request):
    form = f.ComplaintForm(
        request.POST or None,
        initial={
            "received_on": clock.today(),
            "channel": "contact-centre",
            "application_reference": request.GET.get("application", "")[:20],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            complaint = complaints.complaint_lodge(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            field = {"application": "application_reference"}.get(exc.field, exc.field)
            form.add_error(field if field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _("Complaint %(number)s registered; its receipt is confirmed in writing.")
                % {"number": complaint.number},
            )
            return redirect("staff:complaint", complaint_id=complaint.pk)
    return render(
        request,
        "staff/complaint_new.html",
        {"form": form, "nav": "complaints"},
        status=400 if form.is_bound and form.errors else 200,
    )


@staff_required
def complaint_detail(request, complaint_id: int, bound_action=None, bound_form=None, status=200):
    try:
        complaint = complaint_selectors.complaint_get(user=request.user, complaint_id=complaint_id)
    except Complaint.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "staff/complaint_detail.html",
        {
            "complaint": complaint,
            "events": complaint.events.select_related("actor"),
            "forms": _forms(COMPLAINT_ACTIONS, bound_action, bound_form)
            if complaint.is_open
            else [],
            "today": clock.today(),
            "nav": "complaints",
        },
        status=status,
    )


@staff_required
@require_POST
def complaint_act(request, complaint_id: int, action: str):
    try:
        complaint = complaint_selectors.complaint_get(user=request.user, complaint_id=complaint_id)
    except Complaint.DoesNotExist:
        raise Http404 from None
    if action not in COMPLAINT_ACTIONS:
        raise Http404
    _label, form_class, call = COMPLAINT_ACTIONS[action]
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(request.user, complaint, form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("staff:complaint", complaint_id=complaint.pk)
    return complaint_detail(request, complaint_id, bound_action=action, bound_form=form, status=400)
