"""Active PDF content, decompression bombs and data behind images are refused
(issue 9), through the dossier and through the portal's staging alike."""

import io
import struct
import zlib

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.dossier.content_policy import content_check
from indigo.dossier.models import Document
from indigo.dossier.tests.files import tiny_jpeg, tiny_pdf, tiny_png
from indigo.errors import InvalidInput
from indigo.portal import uploads


def pdf_with(**catalog_extra) -> bytes:
    """A one-page PDF with extra entries in its catalog (built by pikepdf)."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    for key, value in catalog_extra.items():
        pdf.Root[f"/{key}"] = value(pdf) if callable(value) else value
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def javascript(pdf):
    return pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
    )


def launch(pdf):
    return pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")))


def embedded(pdf):
    spec = pikepdf.AttachedFileSpec(pdf, b"MZ evil", filename="evil.exe")
    pdf.attachments["evil.exe"] = spec
    return pdf.Root.Names


def bomb() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pikepdf.Stream(pdf, zlib.compress(b"\x00" * (200 * 1024 * 1024), 9))
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.Root.Bomb = pdf.make_indirect(stream)
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def refused(data: bytes, content_type: str) -> str:
    with pytest.raises(InvalidInput) as exc:
        content_check(data, content_type)
    assert exc.value.field == "file"
    return exc.value.code


@pytest.mark.parametrize(
    "extra",
    [
        {"OpenAction": javascript},
        {"AA": lambda pdf: pikepdf.Dictionary(O=javascript(pdf))},
        {"OpenAction": launch},
        {"Names": embedded},
    ],
    ids=["javascript-open-action", "additional-action", "launch", "embedded-file"],
)
def test_a_pdf_with_active_content_is_refused(extra):
    assert refused(pdf_with(**extra), "application/pdf") == "pdf-active-content"


def test_an_obfuscated_javascript_name_is_caught():
    data = pdf_with(OpenAction=javascript).replace(b"/JavaScript", b"/J#61vaScript")

    assert refused(data, "application/pdf") == "pdf-active-content"


def test_a_pdf_that_expands_to_200_mb_is_refused():
    assert refused(bomb(), "application/pdf") == "decompression-bomb"


def test_a_plain_pdf_is_accepted():
    content_check(tiny_pdf(), "application/pdf")
    content_check(pdf_with(), "application/pdf")


@pytest.mark.parametrize(
    "behind", [b"PK\x03\x04zipzipzip", b"\x7fELF\x02\x01\x01", b"<html><script>x</script>"]
)
def test_a_png_with_data_after_the_image_end_is_refused(behind):
    assert refused(tiny_png() + behind, "image/png") == "trailing-data"


@pytest.mark.parametrize("behind", [b"PK\x03\x04zip\xff\xd9", b"<html>\xff\xd9"])
def test_a_jpeg_with_data_after_the_image_end_is_refused_even_ending_in_eoi(behind):
    assert refused(tiny_jpeg() + behind, "image/jpeg") == "trailing-data"


def test_a_jpeg_padded_with_nul_bytes_is_accepted():
    content_check(tiny_jpeg() + b"\x00" * 100, "image/jpeg")
    content_check(tiny_png(), "image/png")


def test_a_png_claiming_a_billion_pixels_is_refused():
    header = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 0, 0, 0, 0)
    chunk = (
        struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    )
    data = tiny_png()[:8] + chunk + tiny_png()[33:]

    assert refused(data, "image/png") == "image-too-large"


def test_the_portal_staging_refuses_active_pdfs_too(settings):
    file = SimpleUploadedFile("form.pdf", pdf_with(OpenAction=javascript), "application/pdf")

    with pytest.raises(InvalidInput) as exc:
        uploads.upload_check(file)

    assert exc.value.code == "pdf-active-content"


@pytest.mark.django_db
def test_the_dossier_stores_nothing_of_a_refused_file(catalog):
    from indigo.accounts.tests.factories import user_with_role
    from indigo.cases.tests.factories import make_application
    from indigo.dossier.services import document_upload

    clerk = user_with_role("caseworker")
    application = make_application(actor=clerk)
    with pytest.raises(InvalidInput):
        document_upload(
            actor=clerk,
            application=application,
            document_type_code="passport",
            file=SimpleUploadedFile("p.png", tiny_png() + b"PK\x03\x04", "image/png"),
        )
    assert not Document.objects.exists()
