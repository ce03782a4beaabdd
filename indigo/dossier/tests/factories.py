"""Test data for the dossier: users and applications come from the accounts and cases
factories (the shipped catalog is loaded by the root conftest)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.dossier.models import Document
from indigo.dossier.services import document_upload
from indigo.dossier.tests.files import tiny_pdf


def upload_file(
    content: bytes | None = None, name: str = "scan.pdf", content_type: str = "application/pdf"
) -> SimpleUploadedFile:
    """A file as the browser sends it: name and content type are the client's claims."""
    return SimpleUploadedFile(name, tiny_pdf() if content is None else content, content_type)


def make_document(*, actor, application, type_code: str = "passport", **file) -> Document:
    return document_upload(
        actor=actor,
        application=application,
        document_type_code=type_code,
        file=upload_file(**file),
    )


def stored_files(location) -> list:
    """The files in a FileSystemStorage directory."""
    return sorted(p for p in location.rglob("*") if p.is_file()) if location.exists() else []
