import hashlib
import re

import pytest
from django.core.files.storage import storages

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.dossier import services
from indigo.dossier.models import Document, Source
from indigo.dossier.services import document_upload
from indigo.dossier.tests.factories import make_document, stored_files, upload_file
from indigo.dossier.tests.files import tiny_jpeg, tiny_pdf, tiny_png
from indigo.errors import InvalidInput, NotAllowed


@pytest.mark.parametrize(
    ("content", "mime", "extension"),
    [
        (tiny_pdf(), "application/pdf", "pdf"),
        (tiny_png(), "image/png", "png"),
        (tiny_jpeg(), "image/jpeg", "jpg"),
    ],
)
def test_an_upload_is_stored_with_its_checksum_and_detected_type(
    applicant, application, content, mime, extension
):
    document = make_document(actor=applicant, application=application, content=content)

    assert document.content_type == mime
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.size_bytes == len(content)
    assert document.version == 1
    with storages["dossier"].open(document.file.name, "rb") as stored:
        assert stored.read() == content
    assert re.fullmatch(rf"2026/[0-9a-f]{{32}}\.{extension}", document.file.name)


def test_the_type_is_judged_by_content_not_by_name_or_claimed_type(applicant, application):
    file = upload_file(tiny_png(), name="passport.pdf", content_type="application/pdf")

    document = document_upload(
        actor=applicant, application=application, document_type_code="passport", file=file
    )

    assert document.content_type == "image/png"


def test_the_stored_name_holds_no_personal_data(applicant, application):
    document = make_document(
        actor=applicant, application=application, name="passport Ana Test 2000-05-17.pdf"
    )

    assert "Ana" not in document.file.name
    assert document.original_name == "passport Ana Test 2000-05-17.pdf"


def test_the_original_name_is_kept_without_path_or_control_characters(applicant, application):
    document = make_document(
        actor=applicant, application=application, name="C:\\Users\\x\\scan\u202efdp.exe"
    )

    assert document.original_name == "scanfdp.exe"


def test_a_renamed_program_is_refused_naming_what_was_found(applicant, application, dossier_dir):
    program = b"MZ\x90\x00\x03" + b"\x00" * 200

    with pytest.raises(InvalidInput) as refused:
        make_document(actor=applicant, application=application, content=program)

    assert refused.value.field == "file"
    assert "Windows program" in refused.value.message
    assert "PDF, JPEG, PNG" in refused.value.message
    assert stored_files(dossier_dir) == []
    assert not Document.objects.exists()


def test_a_text_file_claiming_to_be_a_pdf_is_refused_as_plain_text(applicant, application):
    with pytest.raises(InvalidInput, match="plain text") as refused:
        make_document(actor=applicant, application=application, content=b"%PDF? no, a note\n")

    assert refused.value.field == "file"


def test_a_file_over_the_limit_is_refused_naming_the_limit(applicant, application, settings):
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = 512 * 1024

    with pytest.raises(InvalidInput, match=r"limit of 0\.5 MB") as refused:
        make_document(
            actor=applicant, application=application, content=tiny_pdf(padding=600 * 1024)
        )

    assert refused.value.field == "file"


def test_a_file_exactly_at_the_limit_is_accepted(applicant, application, settings):
    content = tiny_pdf()
    settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES = len(content)

    assert make_document(actor=applicant, application=application, content=content).pk


def test_an_empty_file_is_refused(applicant, application):
    with pytest.raises(InvalidInput, match="empty") as refused:
        make_document(actor=applicant, application=application, content=b"")

    assert refused.value.field == "file"


def test_a_type_the_product_does_not_ask_for_is_refused_listing_the_allowed_types(
    applicant, application
):
    allowed = sorted(application.product_version.document_types.values_list("code", flat=True))

    with pytest.raises(InvalidInput) as refused:
        make_document(actor=applicant, application=application, type_code="birth-certificate")

    assert refused.value.field == "type"
    assert "not part of the dossier of product 'family-partner'" in refused.value.message
    assert f"Choose one of: {', '.join(allowed)}." in refused.value.message


def test_an_unknown_type_is_refused_listing_the_allowed_types(applicant, application):
    with pytest.raises(InvalidInput, match=r"There is no document type 'selfie'.*passport"):
        make_document(actor=applicant, application=application, type_code="selfie")


def test_a_second_upload_of_a_type_is_version_2_and_version_1_is_kept(applicant, application):
    first = make_document(actor=applicant, application=application, content=tiny_pdf())
    second = make_document(actor=applicant, application=application, content=tiny_png())

    assert (first.version, second.version) == (1, 2)
    assert Document.objects.filter(application=application).count() == 2
    assert storages["dossier"].exists(first.file.name)
    assert first.file.name != second.file.name


def test_versions_are_counted_per_type(applicant, application):
    make_document(actor=applicant, application=application, type_code="passport")

    other = make_document(actor=applicant, application=application, type_code="income-statement")

    assert other.version == 1


def test_an_upload_is_recorded_as_an_application_event(applicant, application):
    document = make_document(actor=applicant, application=application)

    event = ApplicationEvent.objects.get(application=application, action="document-uploaded")
    assert event.actor == applicant
    assert event.payload == {
        "type": "passport",
        "version": 1,
        "sha256": document.sha256,
        "size": document.size_bytes,
    }


def test_the_source_follows_the_uploaders_role(applicant, caseworker, application):
    by_applicant = make_document(actor=applicant, application=application)
    by_staff = make_document(actor=caseworker, application=application)

    assert (by_applicant.source, by_staff.source) == (Source.APPLICANT, Source.STAFF)
    assert by_staff.uploaded_by == caseworker


def test_staff_can_record_that_a_partner_supplied_the_document(caseworker, application):
    document = document_upload(
        actor=caseworker,
        application=application,
        document_type_code="antecedents-certificate",
        file=upload_file(),
        source=Source.PARTNER,
    )

    assert document.source == Source.PARTNER


def test_an_applicant_cannot_claim_another_source(applicant, application):
    with pytest.raises(InvalidInput, match="Only staff") as refused:
        document_upload(
            actor=applicant,
            application=application,
            document_type_code="passport",
            file=upload_file(),
            source=Source.STAFF,
        )

    assert refused.value.field == "source"


def test_the_contact_centre_cannot_add_documents(application):
    with pytest.raises(NotAllowed):
        make_document(actor=user_with_role("contact"), application=application)


def test_an_applicant_cannot_add_documents_to_someone_elses_application(catalog, applicant):
    theirs = make_application(product="study", actor=user_with_role("applicant"))

    with pytest.raises(NotAllowed):
        make_document(actor=applicant, application=theirs)


def test_an_upload_failing_halfway_leaves_no_row_and_no_file(
    applicant, application, dossier_dir, monkeypatch
):
    def broken_event_record(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "event_record", broken_event_record)

    with pytest.raises(RuntimeError):
        make_document(actor=applicant, application=application)

    assert not Document.objects.exists()
    assert stored_files(dossier_dir) == []


def test_a_withdrawn_application_takes_no_more_documents(applicant, application):
    from indigo.cases.services import application_act
    from indigo.errors import Conflict

    application = application_act(
        actor=applicant, application=application, action="withdraw", reason="moved abroad"
    )

    with pytest.raises(Conflict, match="no longer be added"):
        make_document(actor=applicant, application=application, content=tiny_pdf())
    assert not Document.objects.filter(application=application).exists()
