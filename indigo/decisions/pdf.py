"""PDF renderers for letters: HTML in, PDF bytes out (settings.INDIGO_PDF_RENDERER).

`weasyprint_pdf` is the real one: a tagged PDF/UA-1 (structure tree, /Lang,
/MarkInfo) that screen readers can read (Besluit digitale toegankelijkheid overheid).
`text_pdf` is a cheap stand-in for tests that do not look at the PDF itself: a valid
one-page PDF holding the letter's text, made in microseconds instead of a second.
"""

import re
import threading
from html import unescape

from indigo.dossier.text_pdf import text_pdf as pdf_of_text

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
    words = _text_of(html)
    lines = [words[i : i + 95] for i in range(0, min(len(words), 95 * 32), 95)]
    return pdf_of_text("Letter (text only)", lines)
