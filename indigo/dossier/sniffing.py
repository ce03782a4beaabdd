"""What a file really is, judged by its bytes: never by its name or the client's word.

The dossier accepts three formats, each recognised by its start and its end:

- PDF: starts with ``%PDF-`` at byte 0, and ``%%EOF`` occurs in the last 1024 bytes
  (ISO 32000-1 §7.5.5; the 1024-byte window is what Acrobat tolerates for trailing
  junk). A header at byte 0 is stricter than some readers, which accept junk before
  it; we refuse that, because junk before the header is how PDF polyglots are made.
- PNG: the 8-byte signature followed by the IHDR chunk, which must come first
  (PNG spec §5.2, §5.6): length 13, type ``IHDR``.
- JPEG: starts with the SOI marker and another marker (``FF D8 FF``) and ends with
  the EOI marker (``FF D9``). Only NUL bytes may follow EOI, because some scanners pad
  files to a block size. Anything else after EOI (an appended ZIP archive, the video
  of a "motion photo") is refused: a dossier document is one image, and data hidden
  behind the image is exactly what a reader of the dossier would not see.

Checking the end as well as the start catches truncated uploads, not only renamed
files.

Why hand-written and not a dependency: python-magic needs the libmagic C library
(another system package to install and patch on every platform) and, like the pure
Python `filetype`/`puremagic`, looks only at the first bytes; Pillow would decode the
image, which is where image libraries have their security bugs. Three fixed
signatures are easier to audit here than any of those.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEAD_SIZE = 512
TAIL_SIZE = 1024

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"

ALLOWED = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png"}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_IHDR = b"\x00\x00\x00\x0dIHDR"
_JPEG_START = b"\xff\xd8\xff"
_JPEG_END = b"\xff\xd9"


def _is_pdf(head: bytes, tail: bytes) -> bool:
    return head.startswith(b"%PDF-") and b"%%EOF" in tail[-TAIL_SIZE:]


def _is_png(head: bytes) -> bool:
    return head.startswith(_PNG_SIGNATURE) and head[8:16] == _PNG_IHDR


def _is_jpeg(head: bytes, tail: bytes) -> bool:
    return head.startswith(_JPEG_START) and tail.rstrip(b"\x00").endswith(_JPEG_END)


def sniff(head: bytes, tail: bytes) -> str | None:
    """The MIME type of an allowed format, or None.

    `head` is the file's first bytes (at least 16), `tail` its last bytes (up to
    TAIL_SIZE); for a small file they overlap, which is fine.
    """
    if _is_pdf(head, tail):
        return PDF
    if _is_png(head):
        return PNG
    if _is_jpeg(head, tail):
        return JPEG
    return None


# Formats people upload by mistake (or on purpose), to say what we found instead. Each
# description is put into a sentence ("The file's content is …"), in the user's language.
_KNOWN_OTHERS = [
    (b"MZ", gettext_lazy("a Windows program (.exe/.dll)")),
    (b"\x7fELF", gettext_lazy("a Linux program (ELF)")),
    (b"PK\x03\x04", gettext_lazy("a ZIP archive (also .docx, .xlsx, .odt)")),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        gettext_lazy("an old Microsoft Office document (.doc, .xls)"),
    ),
    (b"GIF87a", gettext_lazy("a GIF image")),
    (b"GIF89a", gettext_lazy("a GIF image")),
    (b"II*\x00", gettext_lazy("a TIFF image")),
    (b"MM\x00*", gettext_lazy("a TIFF image")),
    (b"{\\rtf", gettext_lazy("an RTF document")),
    (b"Rar!", gettext_lazy("a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", gettext_lazy("a 7-Zip archive")),
]


def describe(head: bytes, tail: bytes) -> str:
    """What the content looks like, in words for the person who uploaded it (in the
    active language; a phrase that fits "The file's content is …")."""
    if (mime := sniff(head, tail)) is not None:
        return _("a %(format)s file") % {"format": ALLOWED[mime]}
    if head.startswith(b"%PDF-"):
        return _("a PDF without its end marker (%(marker)s): the file may be incomplete") % {
            "marker": "%%EOF"
        }
    if head.startswith(_JPEG_START):
        return _("a JPEG with missing end marker or extra data after the image")
    if head.startswith(_PNG_SIGNATURE):
        return _("a damaged PNG (no image header)")
    if head[4:8] == b"ftyp":
        return _("an MP4/HEIC file (photo or video)")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _("a WebP image")
    for signature, description in _KNOWN_OTHERS:
        if head.startswith(signature):
            return str(description)
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml", b"<svg")):
        return _("an HTML/XML document")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # The head may end inside a multi-byte character; judge what came before it.
        text = head[:-3].decode("utf-8", errors="replace")
        if "\ufffd" in text:
            return _("unrecognised binary content")
    if all(ch.isprintable() or ch in "\r\n\t" for ch in text):
        return _("plain text")
    return _("unrecognised binary content")
