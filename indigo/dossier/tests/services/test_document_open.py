import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from indigo.accounts.tests.factories import user_with_role
from indigo.dossier.models import DocumentAccess
from indigo.dossier.services import IntegrityFailure, document_open
from indigo.dossier.tests.factories import make_document
from indigo.dossier.tests.files import tiny_pdf
from indigo.errors import InvalidInput, NotAllowed


@pytest.fixture
def document(applicant, application):
    return make_document(actor=applicant, application=application, content=tiny_pdf())


def tamper(document, content: bytes) -> None:
    storage = storages["dossier"]
    storage.delete(document.file.name)
    storage.save(document.file.name, ContentFile(content))


def test_opening_hands_out_the_stored_bytes(caseworker, document):
    with document_open(actor=caseworker, document=document) as content:
        assert content.read() == tiny_pdf()


def test_a_download_records_who_downloaded_it(caseworker, document):
    document_open(actor=caseworker, document=document, kind="download", context="screen").close()

    access = DocumentAccess.objects.get(document=document)
    assert (access.user, access.kind, access.context) == (caseworker, "download", "screen")
    assert access.at is not None


def test_a_tampered_file_is_refused_and_logged(caseworker, document, caplog):
    tamper(document, tiny_pdf().replace(b"200 200", b"999 999"))

    with (
        caplog.at_level(logging.ERROR, logger="indigo.dossier"),
        pytest.raises(IntegrityFailure, match="checksum") as refused,
    ):
        document_open(actor=caseworker, document=document)

    assert refused.value.status == 500
    assert document.sha256 in caplog.text
    assert not DocumentAccess.objects.exists()


def test_a_missing_file_is_refused_as_an_integrity_failure(caseworker, document):
    storages["dossier"].delete(document.file.name)

    with pytest.raises(IntegrityFailure, match="missing"):
        document_open(actor=caseworker, document=document)


def test_an_unknown_kind_of_access_is_refused(caseworker, document):
    with pytest.raises(InvalidInput, match="view, download"):
        document_open(actor=caseworker, document=document, kind="print")


def test_someone_who_cannot_see_the_application_cannot_open_its_documents(document):
    with pytest.raises(NotAllowed):
        document_open(actor=user_with_role("applicant"), document=document)

    assert not DocumentAccess.objects.exists()
