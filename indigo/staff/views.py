"""Staff screens: thin views over the cases and dossier selectors and services."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indigo import clock
from indigo.accounts.decorators import manager_required, staff_required
from indigo.cases import selectors, services
from indigo.cases.access import application_view_record
from indigo.cases.deadline import deadline_of
from indigo.cases.information_requests import information_request_create
from indigo.cases.lifecycle import actions_from
from indigo.cases.models import Application, Status
from indigo.decisions.panel import decision_panel
from indigo.dossier.selectors import documents_of
from indigo.errors import DomainError
from indigo.partners.figures import DEFAULT_DAYS, partner_figures, product_figures
from indigo.partners.selectors import partner_calls_of
from indigo.staff.forms import ActionForm, ApplicationFilterForm, InformationRequestForm
from indigo.work.selectors import tasks_of
from indigo.work.services import owner_of

PAGE_SIZE = 50


def _visible(request, reference: str) -> Application:
    try:
        return selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise Http404 from None


@staff_required
def application_list(request):
    form = ApplicationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.application_list(user=request.user, **{k: v for k, v in filters.items() if v})
    page_param = request.GET.get("page", "1")
    page = int(page_param) if page_param.isdigit() and int(page_param) > 0 else 1
    # No COUNT(*): at millions of rows only the page itself is read.
    rows = list(qs[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    today = clock.today()
    applications = [(a, deadline_of(a, today=today)) for a in rows[:PAGE_SIZE]]
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
    request, reference: str, request_form=None, decision_form=None, fact_form=None
):
    application = _visible(request, reference)
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
            "actions": actions_from(Status(application.status)),
            "action_form": ActionForm(),
            "tasks": tasks_of(application=application),
            "owner": owner_of(application),
            "requests": application.information_requests.all(),
            "partner_calls": partner_calls_of(application=application),
            "open_suspension": application.suspensions.filter(end__isnull=True).first(),
            "request_form": request_form or InformationRequestForm(),
            # Findings, proposal, decision, letter and service norm (indigo.decisions).
            **decision_panel(
                user=request.user,
                application=application,
                decision_form=decision_form,
                fact_form=fact_form,
            ),
        },
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
