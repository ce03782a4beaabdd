"""PDF renderers for letters: HTML in, PDF bytes out (settings.INDIGO_PDF_RENDERER).

`weasyprint_pdf` is the real one: a tagged PDF/UA-1 (structure tree, /Lang,
/MarkInfo) that screen readers can read (Besluit digitale toegankelijkheid overheid).
`text_pdf` is a cheap stand-in for tests that do not look at the PDF itself: a valid
one-page PDF holding the letter's text, made in microseconds instead of a second.
"""

import re
import threading
from html import unescape

_fonts = threading.local()


def _font_config():
    """One font configuration per thread: WeasyPrint keeps the decoded fonts in it, so
    only the first letter pays for decoding the WOFF2 files (about a second)."""
    from weasyprint.text.fonts import FontConfiguration

    if getattr(_fonts, "config", None) is None:
        _fonts.config = FontConfiguration()
    return _fonts.config


def weasyprint_pdf(html: str, *, base_url: str) -> bytes:
    from weasyprint import HTML  # imported when needed: it takes a while to load

    return HTML(string=html, base_url=base_url).write_pdf(
        pdf_variant="pdf/ua-1", font_config=_font_config()
    )


def _text_of(html: str) -> str:
    body = re.sub(r"(?is)<(style|script|head)\b.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def text_pdf(html: str, *, base_url: str = "") -> bytes:
    text = _text_of(html).encode("latin-1", "replace")
    text = text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 9 Tf 36 800 Td (" + text[:4000] + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
