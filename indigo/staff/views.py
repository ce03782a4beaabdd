"""Staff screens: thin views over the cases and dossier selectors and services."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indigo import clock, limits
from indigo.accounts.decorators import manager_required, staff_required
from indigo.cases import selectors, services
from indigo.cases.access import application_view_record, applications_seen
from indigo.cases.deadline import deadline_of
from indigo.cases.information_requests import information_request_create
from indigo.cases.lifecycle import ACTIVE, actions_from
from indigo.cases.models import Application, Status
from indigo.complaints.selectors import handling_time_complaints_of
from indigo.decisions.panel import decision_panel
from indigo.dossier.selectors import document_accesses_of, documents_of
from indigo.errors import DomainError
from indigo.organisation.decorators import may_required
from indigo.organisation.permissions import Action, may
from indigo.partners.figures import DEFAULT_DAYS, partner_figures, product_figures
from indigo.partners.selectors import partner_calls_of
from indigo.penalties import selectors as penalty_selectors
from indigo.penalties.services import notice_of_default_register
from indigo.staff.forms import (
    ActionForm,
    ApplicationFilterForm,
    InformationRequestForm,
    NoticeOfDefaultForm,
)
from indigo.work.forms import AdviceForm
from indigo.work.selectors import advice_colleagues, tasks_of
from indigo.work.services import (
    ACTIVE_FOR_ADVICE,
    advice_request,
    advice_specialisms,
    owner_of,
)

PAGE_SIZE = 50


def _visible(request, reference: str) -> Application:
    try:
        return selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise Http404 from None


@may_required(Action.APPLICATIONS_LIST)
def application_list(request):
    form = ApplicationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.application_list(user=request.user, **{k: v for k, v in filters.items() if v})
    page = limits.page_number(request.GET.get("page"))
    # No COUNT(*): at millions of rows only the page itself is read.
    rows = list(qs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    today = clock.today()
    applications = [(a, deadline_of(a, today=today)) for a in rows[:PAGE_SIZE]]
    applications_seen(
        user=request.user, applications=rows[:PAGE_SIZE], context="staff:application-list"
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "staff/application_list.html",
        {
            "form": form,
            "applications": applications,
            "page": page,
            "has_next": len(rows) > PAGE_SIZE,
            "query": query.urlencode(),
        },
    )


@staff_required
def application_detail(
    request,
    reference: str,
    request_form=None,
    decision_form=None,
    fact_form=None,
    notice_form=None,
    advice_form=None,
    status: int = 200,
    intention_form=None,
    view_form=None,
):
    application = _visible(request, reference)
    owner = owner_of(application)
    application_view_record(
        user=request.user, application=application, context="staff:application-detail"
    )
    return render(
        request,
        "staff/application_detail.html",
        {
            "application": application,
            "deadline": deadline_of(application, today=clock.today()),
            "events": selectors.application_events(application=application, user=request.user),
            "documents": documents_of(application=application),
            "document_accesses": document_accesses_of(application=application),
            "actions": [
                t
                for t in actions_from(Status(application.status))
                if may(request.user, t.permission, application=application)
            ],
            "action_form": ActionForm(),
            "tasks": tasks_of(application=application),
            "owner": owner,
            "advice_form": advice_form or _advice_form(request, application, owner),
            "requests": application.information_requests.all(),
            "partner_calls": partner_calls_of(application=application),
            "open_suspension": application.suspensions.filter(end__isnull=True).first(),
            "request_form": request_form or InformationRequestForm(),
            # Complaints about its handling time, for its owner (indigo.complaints).
            "time_complaints": list(handling_time_complaints_of(application=application)),
            # Penalty for a late decision (indigo.penalties).
            "penalty": penalty_selectors.penalty_of(application=application, on=clock.today()),
            "notice_form": notice_form
            or (NoticeOfDefaultForm() if application.status in ACTIVE else None),
            # Findings, proposal, decision, letter and service norm (indigo.decisions).
            **decision_panel(
                user=request.user,
                application=application,
                decision_form=decision_form,
                fact_form=fact_form,
                intention_form=intention_form,
                view_form=view_form,
                fact=request.GET.get("fact", ""),
            ),
        },
        status=status,
    )


@staff_required
@require_POST
def application_action(request, reference: str):
    application = _visible(request, reference)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form: %(errors)s") % {"errors": form.errors.as_text()})
        return redirect("staff:application-detail", reference=reference)
    try:
        services.generic_step_check(form.cleaned_data["action"])
        services.application_act(
            actor=request.user,
            application=application,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            until=form.cleaned_data["until"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Done: the application was updated."))
    return redirect("staff:application-detail", reference=reference)


def _advice_form(request, application: Application, owner, data=None):
    """The owner's form to ask a specialism or a colleague (None for anyone else)."""
    if owner is None or owner.pk != request.user.pk:
        return None
    if not may(request.user, Action.ADVICE_REQUEST, application=application):
        return None
    if application.status not in ACTIVE_FOR_ADVICE:
        return None
    return AdviceForm(
        data,
        specialisms=advice_specialisms(),
        colleagues=advice_colleagues(exclude=request.user),
    )


@staff_required
@require_POST
def application_advice(request, reference: str):
    """The owner asks a specialism or a named colleague a question."""
    application = _visible(request, reference)
    form = _advice_form(request, application, owner_of(application), data=request.POST)
    if form is None:
        messages.error(request, _("Only the owner of the application can ask for advice on it."))
        return redirect("staff:application-detail", reference=reference)
    if form.is_valid():
        try:
            advice_request(actor=request.user, application=application, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request, _("Your question was sent. The answer will appear on your worklist.")
            )
            return redirect("staff:application-detail", reference=reference)
    return application_detail(request, reference, advice_form=form)


@staff_required
@require_POST
def application_request(request, reference: str):
    """Ask the applicant for missing documents or information (hersteltermijn)."""
    application = _visible(request, reference)
    form = InformationRequestForm(request.POST)
    if form.is_valid():
        try:
            information_request_create(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("The request was sent; the decision period is paused."))
            return redirect("staff:application-detail", reference=reference)
    return application_detail(request, reference, request_form=form)


@staff_required
@require_POST
def notice_of_default(request, reference: str):
    """Register a notice of default (ingebrekestelling) as received."""
    application = _visible(request, reference)
    form = NoticeOfDefaultForm(request.POST)
    if form.is_valid():
        try:
            notice = notice_of_default_register(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if notice.premature:
                messages.warning(
                    request,
                    _(
                        "The notice was registered. The decision period had not passed when "
                        "it was received, so no penalty can start from it."
                    ),
                )
            else:
                messages.success(request, _("The notice of default was registered."))
            return redirect("staff:application-detail", reference=reference)
    return application_detail(request, reference, notice_form=form, status=400)


@manager_required
def chain(request):
    """The chain figures for managers: waiting time and failures per partner, and the
    share of facts from partners per product."""
    since = _since_param(request)
    return render(
        request,
        "staff/chain.html",
        {
            "since": since,
            "partners": partner_figures(since=since),
            "products": product_figures(since=since),
        },
    )


def _since_param(request):
    try:
        return date.fromisoformat(request.GET.get("since", ""))
    except ValueError:
        return clock.today() - timedelta(days=DEFAULT_DAYS)
