"""A wrong file gets a clear message in the applicant's language; nothing is kept."""

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.dossier.tests.files import tiny_pdf
from indigo.portal.models import DraftDocument
from indigo.portal.tests.helpers import FAMILY_PARTNER_ANSWERS, fill_until_documents, upload

pytestmark = pytest.mark.usefixtures("catalog", "on_a_monday")

PRODUCT = "family-partner"


@pytest.fixture
def in_dutch(portal):
    portal.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    fill_until_documents(portal, PRODUCT, FAMILY_PARTNER_ANSWERS)
    return portal


def nothing_kept():
    return not DraftDocument.objects.exists() and not storages["default"].exists("portal-drafts")


def test_a_word_document_renamed_to_pdf_is_refused_in_dutch(in_dutch):
    docx = SimpleUploadedFile("paspoort.pdf", b"PK\x03\x04" + b"\x00" * 200)

    response = upload(in_dutch, PRODUCT, "passport", docx)

    assert response.status_code == 400
    html = response.content.decode()
    assert "De inhoud van het bestand is een ZIP-archief" in html
    assert "PDF, JPEG, PNG" in html
    assert 'aria-invalid="true"' in html
    assert nothing_kept()


def test_a_file_over_the_limit_is_refused_in_dutch_with_the_limit(in_dutch, settings):
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("scan.pdf", tiny_pdf(padding=2 * 1024 * 1024))

    response = upload(in_dutch, PRODUCT, "passport", big)

    # Refused before the body is read whole (issue 9): 413, in the person's language.
    assert response.status_code == 413
    html = response.content.decode()
    assert "Het bestand is groter dan de grens van 1 MB" in html
    assert nothing_kept()


def test_an_empty_file_is_refused_in_dutch(in_dutch):
    response = upload(in_dutch, PRODUCT, "passport", SimpleUploadedFile("leeg.pdf", b""))

    assert response.status_code == 400
    assert "Het bestand is leeg." in response.content.decode()


def test_the_error_names_the_document_it_is_about(in_dutch):
    docx = SimpleUploadedFile("x.pdf", b"PK\x03\x04" + b"\x00" * 200)

    html = upload(in_dutch, PRODUCT, "marriage-certificate", docx).content.decode()

    assert "Uw bestand voor “Huwelijksakte” is niet geüpload" in html


def test_a_good_file_after_a_wrong_one_is_kept(in_dutch):
    upload(in_dutch, PRODUCT, "passport", SimpleUploadedFile("x.pdf", b"MZ" + b"\x00" * 100))

    upload(in_dutch, PRODUCT, "passport")

    assert DraftDocument.objects.get().document_type.code == "passport"


def test_a_document_type_the_product_does_not_ask_for_is_refused(in_dutch):
    response = upload(in_dutch, PRODUCT, "decision-letter")

    assert response.status_code == 400
    assert nothing_kept()
