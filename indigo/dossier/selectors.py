"""Reads of the dossier. Callers find the application first (through
`indigo.cases.selectors`), so the dossier is only ever seen with its application."""

from django.db.models import Exists, OuterRef, QuerySet

from indigo.cases.models import Application
from indigo.dossier.models import Document, DocumentAccess


def _with_latest(qs: QuerySet[Document]) -> QuerySet[Document]:
    newer = Document.objects.filter(
        application=OuterRef("application"),
        document_type=OuterRef("document_type"),
        version__gt=OuterRef("version"),
    )
    return qs.annotate(is_latest=~Exists(newer))


def documents_of(*, application: Application) -> QuerySet[Document]:
    """All versions of all documents, per type (by code) the latest version first;
    each annotated with `is_latest`."""
    return _with_latest(
        Document.objects.filter(application=application).select_related(
            "document_type", "uploaded_by"
        )
    ).order_by("document_type__code", "-version")


def document_get(*, application: Application, document_id: int) -> Document:
    """The document of this application, or Document.DoesNotExist."""
    return _with_latest(
        Document.objects.filter(application=application).select_related(
            "application", "document_type", "uploaded_by"
        )
    ).get(pk=document_id)


def document_accesses_of(*, application: Application, limit: int = 20) -> QuerySet[DocumentAccess]:
    """Who opened the application's documents, latest first (the access log)."""
    return (
        DocumentAccess.objects.filter(document__application=application)
        .select_related("user", "document__document_type")
        .order_by("-at", "-id")[:limit]
    )
