"""Writes to the dossier: adding a document (uploaded or generated) and opening one.

A document is stored before its row is written (so the database transaction stays
short and never waits for file I/O); if the transaction fails, the stored file is
deleted again, so a refused or failed upload leaves nothing behind. One limit: when
the caller wraps this in its own transaction and that rolls back later, the file
stays as an orphan. It is harmless (no row points to it, its name holds no personal
data) and a storage sweep can remove it.
"""

import hashlib
import hmac
import io
import logging
import tempfile
import unicodedata
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from indigo import clock
from indigo.accounts.roles import Role, has_role, is_staff_member
from indigo.cases.access import application_view_record
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.catalog.models import DocumentType
from indigo.dossier import content_policy, sniffing
from indigo.dossier.access import may_open, may_upload
from indigo.dossier.models import Document, DocumentAccess, Source
from indigo.dossier.storage import dossier_storage, new_storage_name
from indigo.errors import Conflict, DomainError, InvalidInput, NotAllowed, day

logger = logging.getLogger(__name__)

_SPOOL_IN_MEMORY_BYTES = 1024 * 1024


class IntegrityFailure(DomainError):
    """The stored bytes are not the bytes that were uploaded (or are gone)."""

    status = 500
    title = gettext_lazy("The stored document failed its integrity check.")


@dataclass(frozen=True)
class _Fingerprint:
    size: int
    sha256: str
    head: bytes
    tail: bytes


def _megabytes(size: int) -> str:
    text = f"{size / (1024 * 1024):.2f}".rstrip("0").rstrip(".")
    if text == "0":
        return ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}
    return _("%(size)s MB") % {"size": text.replace(".", get_format("DECIMAL_SEPARATOR"))}


def too_big(size_limit: int) -> InvalidInput:
    return InvalidInput(
        _(
            "The file is larger than the limit of %(limit)s. Upload a smaller file, for "
            "example a scan at a lower resolution or fewer pages."
        )
        % {"limit": _megabytes(size_limit)},
        field="file",
        code="too-big",
    )


def _fingerprint(file: File, *, size_limit: int) -> _Fingerprint:
    """Size, SHA-256, first and last bytes, in one pass over the chunks."""
    digest = hashlib.sha256()
    size = 0
    head = b""
    tail = b""
    for chunk in file.chunks():
        size += len(chunk)
        if size > size_limit:
            raise too_big(size_limit)
        digest.update(chunk)
        if len(head) < sniffing.HEAD_SIZE:
            head += chunk[: sniffing.HEAD_SIZE - len(head)]
        tail = (tail + chunk)[-sniffing.TAIL_SIZE :]
    return _Fingerprint(size=size, sha256=digest.hexdigest(), head=head, tail=tail)


def _clean_name(name: str | None) -> str:
    """The base name without paths or control/format characters (e.g. the RTL
    override that makes `fdp.exe` look like `exe.pdf`)."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:255]


def _document_type_for(*, application: Application, code: str) -> DocumentType:
    version = application.product_version
    allowed = list(version.document_types.order_by("code"))
    for document_type in allowed:
        if document_type.code == code:
            return document_type
    choices = ", ".join(t.code for t in allowed)
    facts = {
        "type": code,
        "product": application.product.code,
        "valid_from": day(version.valid_from),
        "choices": choices,
    }
    known = DocumentType.objects.filter(code=code).exists()
    if not known and choices:
        message = _("There is no document type '%(type)s'. Choose one of: %(choices)s.") % facts
    elif not known:
        message = (
            _("There is no document type '%(type)s'. This product asks for no documents.") % facts
        )
    elif choices:
        message = (
            _(
                "Document type '%(type)s' is not part of the dossier of product "
                "'%(product)s' (version from %(valid_from)s). Choose one of: %(choices)s."
            )
            % facts
        )
    else:
        message = (
            _(
                "Document type '%(type)s' is not part of the dossier of product "
                "'%(product)s' (version from %(valid_from)s). This product asks for no "
                "documents."
            )
            % facts
        )
    raise InvalidInput(message, field="type", code="type-not-allowed")


def _source_for(*, actor, source: str | None) -> str:
    if is_staff_member(actor):
        default = Source.STAFF
    elif has_role(actor, Role.SPONSOR):
        default = Source.SPONSOR
    else:
        default = Source.APPLICANT
    if source is None or source == default:
        return default
    if source not in Source.values:
        raise InvalidInput(
            _("Unknown source '%(source)s'. Choose one of: %(sources)s.")
            % {"source": source, "sources": ", ".join(Source.values)},
            field="source",
        )
    if not is_staff_member(actor):
        raise InvalidInput(
            _("Only staff can record who supplied a document; leave source out."),
            field="source",
        )
    return source


# Withdrawn or closed: the dossier is complete. An objection reopens a closed one.
CLOSED_TO_DOCUMENTS = frozenset({Status.WITHDRAWN, Status.CLOSED})


def document_upload(
    *,
    actor,
    application: Application,
    document_type_code: str,
    file: File,
    source: str | None = None,
) -> Document:
    """Add a document to the dossier, as the next version of its type."""
    if not may_upload(actor, application):
        raise NotAllowed(_("Your role does not allow adding documents to this application."))
    if application.status in CLOSED_TO_DOCUMENTS:
        raise Conflict(
            _(
                "The application is in the status “%(status)s”; documents can no longer be "
                "added. For an objection, register the objection first."
            )
            % {"status": Status(application.status).label},
            code="dossier-closed",
        )
    document_type = _document_type_for(application=application, code=document_type_code)
    provenance = _source_for(actor=actor, source=source)
    size_limit = settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES
    if not file.size:
        raise InvalidInput(
            _("The file is empty. Choose the file again; if it was a scan, scan it again."),
            field="file",
            code="empty",
        )
    if file.size > size_limit:
        raise too_big(size_limit)
    fingerprint = _fingerprint(file, size_limit=size_limit)
    content_type = sniffing.sniff(fingerprint.head, fingerprint.tail)
    if content_type is None:
        found = sniffing.describe(fingerprint.head, fingerprint.tail)
        raise InvalidInput(
            _(
                "The file's content is %(found)s; allowed are %(allowed)s. Renaming a file "
                "does not change its content: save or scan the document as PDF, JPEG or PNG."
            )
            % {"found": found, "allowed": ", ".join(sniffing.ALLOWED.values())},
            field="file",
            code="content-type",
        )
    content_policy.file_content_check(file, content_type)

    storage = dossier_storage()
    stored_name = storage.save(new_storage_name(sniffing.EXTENSIONS[content_type]), file)
    try:
        with transaction.atomic():
            # Serialises uploads per application, so version numbers do not collide.
            Application.objects.select_for_update().only("id").get(pk=application.pk)
            latest = Document.objects.filter(
                application=application, document_type=document_type
            ).aggregate(latest=Max("version"))["latest"]
            document = Document.objects.create(
                application=application,
                document_type=document_type,
                version=(latest or 0) + 1,
                file=stored_name,
                original_name=_clean_name(getattr(file, "name", "")),
                content_type=content_type,
                size_bytes=fingerprint.size,
                sha256=fingerprint.sha256,
                uploaded_by=actor,
                uploaded_at=clock.now(),
                source=provenance,
            )
            event_record(
                application=application,
                actor=actor,
                action=EventKind.DOCUMENT_UPLOADED,
                payload={
                    "type": document_type.code,
                    "version": document.version,
                    "sha256": fingerprint.sha256,
                    "size": fingerprint.size,
                },
            )
    except BaseException:
        storage.delete(stored_name)
        raise
    return document


def document_store_generated(
    *, actor, application: Application, document_type_code: str, content: bytes, name: str
) -> Document:
    """Store a document the agency itself made (a decision letter) in the dossier.

    Like an upload it is the next version of its type, checked by content and stored
    with its SHA-256, but its type need not be one the product asks the applicant
    for. Called inside the caller's transaction (e.g. notifying a decision), so a
    rollback there leaves the stored file as a harmless orphan (see the module notes).
    """
    document_type = DocumentType.objects.filter(code=document_type_code).first()
    if document_type is None:
        raise InvalidInput(
            _("There is no document type '%(type)s'. Load the catalog first.")
            % {"type": document_type_code},
            field="type",
            code="type-not-allowed",
        )
    fingerprint = _fingerprint(File(io.BytesIO(content)), size_limit=len(content))
    content_type = sniffing.sniff(fingerprint.head, fingerprint.tail)
    if content_type is None:
        raise InvalidInput(
            _("The generated document is not a PDF, JPEG or PNG file."),
            field="file",
            code="content-type",
        )
    storage = dossier_storage()
    stored_name = storage.save(
        new_storage_name(sniffing.EXTENSIONS[content_type]), File(io.BytesIO(content))
    )
    try:
        with transaction.atomic():
            Application.objects.select_for_update().only("id").get(pk=application.pk)
            latest = Document.objects.filter(
                application=application, document_type=document_type
            ).aggregate(latest=Max("version"))["latest"]
            document = Document.objects.create(
                application=application,
                document_type=document_type,
                version=(latest or 0) + 1,
                file=stored_name,
                original_name=_clean_name(name),
                content_type=content_type,
                size_bytes=fingerprint.size,
                sha256=fingerprint.sha256,
                uploaded_by=actor,
                uploaded_at=clock.now(),
                source=Source.STAFF,
            )
            event_record(
                application=application,
                actor=actor,
                action=EventKind.DOCUMENT_UPLOADED,
                payload={
                    "type": document_type.code,
                    "version": document.version,
                    "sha256": fingerprint.sha256,
                    "size": fingerprint.size,
                    "generated": True,
                },
            )
    except BaseException:
        storage.delete(stored_name)
        raise
    return document


def _verified_copy(document: Document) -> IO[bytes]:
    """The stored bytes, copied while hashing, so what is handed out is what was checked."""
    # Not a `with`: the copy is handed to the caller, who closes it.
    copy = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY_BYTES)  # noqa: SIM115
    digest = hashlib.sha256()
    try:
        with dossier_storage().open(document.file.name, "rb") as stored:
            for chunk in stored.chunks():
                digest.update(chunk)
                copy.write(chunk)
    except OSError as exc:
        copy.close()
        logger.error(
            "Dossier document %s (application %s) cannot be read from storage as %s: %s",
            document.pk,
            document.application_id,
            document.file.name,
            exc,
        )
        raise IntegrityFailure(
            _(
                "The stored file of this document is missing or unreadable. It has not been "
                "handed out; the administrators have been alerted."
            ),
            code="integrity",
        ) from exc
    if not hmac.compare_digest(digest.hexdigest(), document.sha256):
        copy.close()
        logger.error(
            "Dossier document %s (application %s) failed its integrity check: stored file "
            "%s has SHA-256 %s, recorded at upload %s",
            document.pk,
            document.application_id,
            document.file.name,
            digest.hexdigest(),
            document.sha256,
        )
        raise IntegrityFailure(
            _(
                "The stored file of this document differs from what was uploaded (checksum "
                "mismatch). It has not been handed out; the administrators have been alerted."
            ),
            code="integrity",
        )
    copy.seek(0)
    return copy


def document_content_verified(*, document: Document) -> IO[bytes]:
    """The document's bytes, checked against its SHA-256, without recording an opening:
    for callers that record the processing themselves (the person's data export)."""
    return _verified_copy(document)


def document_open(
    *, actor, document: Document, kind: str = DocumentAccess.Kind.VIEW, context: str = ""
) -> IO[bytes]:
    """The document's verified bytes, recording who opened it and how."""
    if kind not in DocumentAccess.Kind.values:
        raise InvalidInput(
            _("Unknown access kind '%(kind)s'. Choose one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(DocumentAccess.Kind.values)},
            field="kind",
        )
    if not actor.is_authenticated or not may_open(actor, document.application):
        raise NotAllowed(_("You are not allowed to open documents of this application."))
    content = _verified_copy(document)
    try:
        with transaction.atomic():
            DocumentAccess.objects.create(
                document=document, user=actor, at=clock.now(), kind=kind, context=context
            )
            application_view_record(
                user=actor,
                application=document.application,
                context=f"dossier:document-{kind}" + (f" ({context})" if context else ""),
            )
    except BaseException:
        content.close()
        raise
    return content
