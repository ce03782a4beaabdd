import pytest

from indigo.dossier.sniffing import HEAD_SIZE, TAIL_SIZE, describe, sniff
from indigo.dossier.tests.files import tiny_jpeg, tiny_pdf, tiny_png


def look(content: bytes) -> str | None:
    return sniff(content[:HEAD_SIZE], content[-TAIL_SIZE:])


def found(content: bytes) -> str:
    return describe(content[:HEAD_SIZE], content[-TAIL_SIZE:])


@pytest.mark.parametrize(
    ("content", "mime"),
    [(tiny_pdf(), "application/pdf"), (tiny_png(), "image/png"), (tiny_jpeg(), "image/jpeg")],
)
def test_the_three_allowed_formats_are_recognised_by_content(content, mime):
    assert look(content) == mime


def test_a_pdf_whose_end_marker_is_cut_off_is_not_a_pdf():
    truncated = tiny_pdf()[:-20]

    assert look(truncated) is None
    assert "incomplete" in found(truncated)


def test_a_pdf_with_its_end_marker_more_than_1024_bytes_from_the_end_is_not_a_pdf():
    assert look(tiny_pdf() + b"\n" * (TAIL_SIZE + 1)) is None


def test_a_pdf_header_must_be_at_the_very_start():
    assert look(b"junk" + tiny_pdf()) is None


def test_a_png_without_its_image_header_is_not_a_png():
    assert look(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32) is None


def test_a_jpeg_padded_with_nul_bytes_is_a_jpeg():
    assert look(tiny_jpeg() + b"\x00" * 100) == "image/jpeg"


def test_a_jpeg_with_an_archive_appended_is_refused():
    polyglot = tiny_jpeg() + b"PK\x03\x04" + b"hidden" * 10

    assert look(polyglot) is None
    assert "extra data" in found(polyglot)


def test_a_windows_program_is_named_as_such():
    assert found(b"MZ\x90\x00" + b"\x00" * 100) == "a Windows program (.exe/.dll)"


def test_text_is_named_as_plain_text():
    assert found("Dit is geen paspoort — echt niet.\n".encode()) == "plain text"


def test_an_html_page_is_named_as_html():
    assert found(b"<!DOCTYPE html><html><body>x</body></html>") == "an HTML/XML document"


def test_random_bytes_are_unrecognised_binary_content():
    assert found(bytes(range(256))) == "unrecognised binary content"
