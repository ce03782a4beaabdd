"""Screens for deciding, on the staff application page: thin views over the services."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from indigo import clock
from indigo.accounts.decorators import staff_required
from indigo.cases import selectors
from indigo.cases.access import application_view_record
from indigo.cases.models import Application
from indigo.decisions import letters
from indigo.decisions.forms import DecisionForm, FactForm, IntentionForm, ViewForm
from indigo.decisions.intentions import (
    intention_latest,
    intention_send,
    intention_view_record,
)
from indigo.decisions.models import Decision
from indigo.decisions.panel import fact_names
from indigo.decisions.selectors import decision_shown
from indigo.decisions.services import (
    decision_approve_open,
    decision_fast_track,
    decision_record,
)
from indigo.dossier.services import document_open
from indigo.errors import DomainError, InvalidInput, day
from indigo.rules.services import fact_record
from indigo.staff import views as staff_views


def _visible(request, reference: str) -> Application:
    try:
        return selectors.application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise Http404 from None


def _back(reference: str, anchor: str = "decision-heading"):
    return redirect(reverse("staff:application-detail", args=[reference]) + f"#{anchor}")


def _form_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@staff_required
@require_POST
def decision_record_view(request, reference: str):
    application = _visible(request, reference)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            decision = decision_record(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as exc:
            _form_error(form, exc)
        else:
            if decision.awaits_approval:
                messages.success(
                    request,
                    _("The refusal is recorded. A second caseworker must approve it."),
                )
            else:
                messages.success(request, _("The decision is recorded. You can notify it now."))
            return _back(reference)
    return staff_views.application_detail(request, reference, decision_form=form)


@staff_required
@require_POST
def decision_approve_view(request, reference: str):
    application = _visible(request, reference)
    try:
        decision_approve_open(
            actor=request.user, application=application, decision_id=request.POST.get("decision")
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("You approved the refusal. It can be notified now."))
    return _back(reference)


@staff_required
@require_POST
def decision_fast_track_view(request, reference: str):
    application = _visible(request, reference)
    try:
        decision_fast_track(actor=request.user, application=application)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "Granted on the fast track. The letter is being prepared; it appears in the "
                "dossier in a moment."
            ),
        )
    return _back(reference)


@staff_required
@require_POST
def fact_record_view(request, reference: str):
    application = _visible(request, reference)
    form = FactForm(request.POST, names=fact_names(application))
    if form.is_valid():
        try:
            fact_record(actor=request.user, application=application, **form.cleaned_data)
        except InvalidInput as exc:  # the value does not fit the fact (its field: the name)
            form.add_error(exc.field if exc.field in form.fields else "value", exc.message)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The fact is recorded. The findings are updated."))
            return _back(reference, "findings-heading")
    return staff_views.application_detail(request, reference, fact_form=form)


@staff_required
@require_GET
def decision_letter_view(request, reference: str):
    """The letter as HTML, in the applicant's language: as sent, or a preview."""
    application = _visible(request, reference)
    decision = decision_shown(application=application)
    if decision is None:
        raise Http404
    application_view_record(
        user=request.user, application=application, context="staff:decision-letter"
    )
    sent = decision.notified_on is not None
    html = letters.letter_html(
        decision,
        notified_on=decision.notified_on if sent else clock.today(),
        preview=not sent,
    )
    return HttpResponse(html)


@staff_required
@require_GET
def decision_letter_pdf_view(request, reference: str):
    """The letter as stored in the dossier (checked against its SHA-256 on the way out)."""
    application = _visible(request, reference)
    decision: Decision | None = decision_shown(application=application)
    if decision is None or decision.letter is None:
        raise Http404
    try:
        content = document_open(
            actor=request.user, document=decision.letter, context="staff:decision-letter"
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back(reference)
    return FileResponse(
        content,
        content_type="application/pdf",
        filename=letters.letter_file_name(application),
    )


@staff_required
@require_POST
def intention_send_view(request, reference: str):
    """Send the intended refusal (voornemen): the application waits for the view."""
    application = _visible(request, reference)
    form = IntentionForm(request.POST)
    if form.is_valid():
        try:
            intention = intention_send(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request,
                _("The intended refusal is sent. The applicant may respond until %(date)s.")
                % {"date": day(intention.view_due)},
            )
            return _back(reference, "intention-heading")
    return staff_views.application_detail(request, reference, intention_form=form)


@staff_required
@require_POST
def intention_view_view(request, reference: str):
    """Record the applicant's written view (zienswijze)."""
    application = _visible(request, reference)
    intention = intention_latest(application=application)
    if intention is None:
        raise Http404
    form = ViewForm(request.POST)
    if form.is_valid():
        try:
            intention_view_record(actor=request.user, intention=intention, **form.cleaned_data)
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("The written view is recorded. Answer it in the decision."))
            return _back(reference, "intention-heading")
    return staff_views.application_detail(request, reference, view_form=form)


@staff_required
@require_GET
def intention_letter_view(request, reference: str):
    """The letter with the intended refusal, as HTML in the applicant's language."""
    application = _visible(request, reference)
    intention = intention_latest(application=application)
    if intention is None:
        raise Http404
    application_view_record(
        user=request.user, application=application, context="staff:intention-letter"
    )
    return HttpResponse(letters.intention_html(intention))
