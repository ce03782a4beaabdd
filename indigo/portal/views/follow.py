"""Following an application: phase in words, expected decision date, what is needed
from the applicant and by when (with a reply form), messages, history, appointments
and the decision letter.

Someone else's application gets the same 404 as one that does not exist.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from indigo import clock
from indigo.cases.models import Application
from indigo.dossier.models import DocumentAccess
from indigo.dossier.services import document_open
from indigo.errors import DomainError
from indigo.planning.forecast import forecast_for
from indigo.portal import selectors, services
from indigo.portal.forms import ReplyForm
from indigo.portal.phases import PROGRESS
from indigo.portal.sessions import portal_login_required
from indigo.quality.models import Survey

LETTER_CONTEXT = "portal:letter"


def _own(request, reference: str) -> Application:
    try:
        return selectors.own_application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise Http404 from None


def _reply_form(application, request_pk, data=None, files=None) -> ReplyForm:
    return ReplyForm(
        data,
        files,
        document_types=application.product_version.document_types.order_by("code"),
        request_pk=request_pk,
    )


def _page(request, application: Application, *, bound: ReplyForm | None = None, status=200):
    page = selectors.follow_page(user=request.user, application=application, today=clock.today())
    replies = []
    for info_request in page.open_requests:
        form = bound if bound is not None and bound.request_pk == info_request.pk else None
        replies.append((info_request, form or _reply_form(application, info_request.pk)))
    step = page.phase.step
    progress = [
        (label, "done" if n < step else "current" if n == step else "todo")
        for n, label in enumerate(PROGRESS, start=1)
    ]
    return render(
        request,
        "portal/application.html",
        {
            "page": page,
            "application": application,
            "replies": replies,
            "progress": progress,
            "forecast": forecast_for(application, today=clock.today()),
            "survey": Survey.objects.filter(application=application, answered_at__isnull=True)
            .order_by("-invited_at")
            .first(),
            "nav": "home",
        },
        status=status,
    )


@portal_login_required
@require_GET
def application_detail(request, reference: str):
    return _page(request, _own(request, reference))


@portal_login_required
@require_POST
def reply(request, reference: str, request_pk: int):
    application = _own(request, reference)
    info_request = application.information_requests.filter(pk=request_pk).first()
    if info_request is None:
        raise Http404
    form = _reply_form(application, info_request.pk, request.POST, request.FILES)
    if form.is_valid():
        try:
            services.information_request_reply(
                user=request.user,
                application=application,
                request=info_request,
                answer=form.cleaned_data["answer"],
                document_type_code=form.cleaned_data["document_type"],
                file=form.cleaned_data["file"],
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            messages.success(request, _("Thank you. We have received your answer."))
            return redirect(reverse("portal:application", args=[reference]))
    return _page(request, application, bound=form, status=400)


@portal_login_required
@require_GET
def letter(request, reference: str):
    application = _own(request, reference)
    document = selectors.decision_letter(application)
    if document is None:
        raise Http404
    content = document_open(
        actor=request.user,
        document=document,
        kind=DocumentAccess.Kind.DOWNLOAD,
        context=LETTER_CONTEXT,
    )
    return FileResponse(
        content,
        as_attachment=True,
        filename=document.original_name or f"{document.document_type.code}.pdf",
        content_type=document.content_type,
    )
