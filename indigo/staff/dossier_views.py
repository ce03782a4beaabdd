"""The dossier viewer for staff: a document inline in the browser, its versions side by
side, who added it and from which source, and who opened it. Every view of the
content is verified against its SHA-256 and recorded (`indigo.dossier.services`)."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from indigo.dossier.models import Document, DocumentAccess
from indigo.dossier.selectors import document_get
from indigo.dossier.services import document_open
from indigo.errors import DomainError
from indigo.organisation.decorators import may_required
from indigo.organisation.permissions import Action
from indigo.staff.views import _visible

INLINE = ("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp")
VIEW_CONTEXT = "staff:dossier-viewer"


def _document(request, reference: str, document_id: int) -> Document:
    application = _visible(request, reference)
    try:
        return document_get(application=application, document_id=document_id)
    except Document.DoesNotExist:
        raise Http404 from None


@may_required(Action.DOSSIER_VIEW)
@require_GET
def document_viewer(request, reference: str, document_id: int):
    document = _document(request, reference, document_id)
    versions = list(
        Document.objects.filter(
            application=document.application, document_type=document.document_type
        )
        .select_related("uploaded_by")
        .order_by("-version")
    )
    compare_id = request.GET.get("compare", "")
    compare = next((v for v in versions if str(v.pk) == compare_id and v.pk != document.pk), None)
    if compare is None and compare_id == "":
        compare = next((v for v in versions if v.version < document.version), None)
    accesses = (
        DocumentAccess.objects.filter(document__in=[v.pk for v in versions])
        .select_related("user", "document")
        .order_by("-at", "-id")[:50]
    )
    return render(
        request,
        "staff/document_viewer.html",
        {
            "application": document.application,
            "document": document,
            "compare": compare,
            "versions": versions,
            "accesses": accesses,
            "inline": INLINE,
            "nav": "applications",
        },
    )


@may_required(Action.DOSSIER_VIEW)
@require_GET
def document_content(request, reference: str, document_id: int):
    """The bytes, inline, after the SHA-256 check; the view is recorded."""
    document = _document(request, reference, document_id)
    try:
        content = document_open(actor=request.user, document=document, context=VIEW_CONTEXT)
    except DomainError as exc:
        return render(
            request,
            "staff/document_unavailable.html",
            {"message": exc.message, "application": document.application},
            status=exc.status,
        )
    response = FileResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
