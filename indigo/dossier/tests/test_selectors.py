import pytest

from indigo.cases.tests.factories import make_application
from indigo.dossier.models import Document
from indigo.dossier.selectors import document_get, documents_of
from indigo.dossier.tests.factories import make_document


def test_documents_are_listed_per_type_with_the_latest_version_first(applicant, application):
    make_document(actor=applicant, application=application, type_code="passport")
    make_document(actor=applicant, application=application, type_code="passport")
    make_document(actor=applicant, application=application, type_code="antecedents-certificate")

    listed = [
        (d.document_type.code, d.version, d.is_latest)
        for d in documents_of(application=application)
    ]

    assert listed == [
        ("antecedents-certificate", 1, True),
        ("passport", 2, True),
        ("passport", 1, False),
    ]


def test_a_document_is_found_only_through_its_own_application(applicant, caseworker, application):
    document = make_document(actor=applicant, application=application)
    other = make_application(product="study", actor=caseworker)

    assert document_get(application=application, document_id=document.pk) == document
    with pytest.raises(Document.DoesNotExist):
        document_get(application=other, document_id=document.pk)
