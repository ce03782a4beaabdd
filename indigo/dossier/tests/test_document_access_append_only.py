import pytest
from django.db import DatabaseError, transaction

from indigo.dossier.models import DocumentAccess
from indigo.dossier.services import document_open
from indigo.dossier.tests.factories import make_document


@pytest.fixture
def access(applicant, application):
    document = make_document(actor=applicant, application=application)
    document_open(actor=applicant, document=document, kind="download").close()
    return DocumentAccess.objects.get(document=document)


def test_the_database_refuses_to_change_an_access_record(access):
    access.kind = "view"

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        access.save()

    assert DocumentAccess.objects.get(pk=access.pk).kind == "download"


def test_the_database_refuses_a_bulk_update_of_access_records(access):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        DocumentAccess.objects.filter(pk=access.pk).update(context="rewritten")


def test_the_database_refuses_to_delete_an_access_record(access):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        access.delete()

    assert DocumentAccess.objects.filter(pk=access.pk).exists()
