"""What may be inside an accepted file (issue 9), after `sniffing` decided its format.

- PDF: no active content. A document is read, never run: JavaScript (`/JS`,
  `/JavaScript`), actions that run on opening or on events (`/OpenAction`, `/AA`),
  launching programs (`/Launch`), embedded files (`/EmbeddedFile`, `/EmbeddedFiles`)
  and rich media are refused. Names are read after parsing (pikepdf), so an obfuscated
  `/J#61vaScript` is caught. A PDF whose streams expand beyond `PDF_EXPANDED_MAX`
  (a decompression bomb), or with more than `PDF_OBJECTS_MAX` objects, is refused;
  streams are inflated with a cap, never whole.
- PNG and JPEG: at most `IMAGE_PIXELS_MAX` pixels (read from the header, not by
  decoding), and nothing after the image's end (PNG `IEND`, JPEG `EOI` after the scan;
  a JPEG may be padded with NUL bytes, as some scanners do). Data behind the image is
  what a reader of the dossier would not see: a ZIP, a program, an HTML page.

Refused, not neutralised: a person can save the document again without the extra
content; rewriting it here would change what the applicant sent (the dossier keeps
the bytes and their SHA-256 as received).
"""

import io
import struct
import zlib

import pikepdf
from django.utils.translation import gettext as _

from indigo.dossier import sniffing
from indigo.errors import InvalidInput

PDF_EXPANDED_MAX = 100 * 1024 * 1024  # all streams together, inflated
PDF_OBJECTS_MAX = 100_000
IMAGE_PIXELS_MAX = 50_000_000  # 50 megapixels: an A4 page at 600 dpi is ~35 Mpx

ACTIVE_PDF_NAMES = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/OpenAction",
        "/AA",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/RichMedia",
        "/SubmitForm",
        "/ImportData",
    }
)


def _refuse(message: str, code: str) -> InvalidInput:
    return InvalidInput(message, field="file", code=code)


def _active_pdf() -> InvalidInput:
    return _refuse(
        _(
            "This PDF contains active content (scripts, actions that run on opening, or "
            "attached files). Save or print it again as a plain PDF and upload that."
        ),
        "pdf-active-content",
    )


def _too_large_when_opened() -> InvalidInput:
    return _refuse(
        _(
            "This file becomes far larger when it is opened than it is on disk. Save or "
            "scan the document again and upload that."
        ),
        "decompression-bomb",
    )


def _names_in(value) -> list[str]:
    if isinstance(value, pikepdf.Name):
        return [str(value)]
    if isinstance(value, pikepdf.Dictionary):
        return [str(k) for k in value.keys()]  # noqa: SIM118 (a pikepdf Dictionary)
    return []


def _inflated_size(stream: pikepdf.Stream, budget: int) -> int:
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) else [str(filters)]
    raw = stream.read_raw_bytes()
    if names == ["/FlateDecode"]:
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(raw, budget + 1)
        except zlib.error:
            return len(raw)
        return len(out)
    return len(raw)  # images (DCT, JPX, CCITT) stay compressed when shown


def pdf_check(data: bytes) -> None:
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        raise _refuse(
            _("This PDF cannot be read. Save or scan it again and upload that."), "pdf-damaged"
        ) from None
    with pdf:
        if len(pdf.objects) > PDF_OBJECTS_MAX:
            raise _too_large_when_opened()
        expanded = 0
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                names = list(obj.keys())
                expanded += _inflated_size(obj, PDF_EXPANDED_MAX - expanded)
                if expanded > PDF_EXPANDED_MAX:
                    raise _too_large_when_opened()
            elif isinstance(obj, pikepdf.Dictionary):
                names = [str(k) for k in obj.keys()]  # noqa: SIM118
                for value in obj.values():
                    names += _names_in(value)
            else:
                names = _names_in(obj)
            if ACTIVE_PDF_NAMES.intersection(str(n) for n in names):
                raise _active_pdf()


def _trailing() -> InvalidInput:
    return _refuse(
        _(
            "There is other data behind the image in this file. Save the image again "
            "(for example as a new PNG or JPEG) and upload that."
        ),
        "trailing-data",
    )


def _too_many_pixels(width: int, height: int) -> InvalidInput:
    return _refuse(
        _(
            "The image is %(width)d by %(height)d pixels; make it smaller "
            "(at most %(max)d megapixels)."
        )
        % {"width": width, "height": height, "max": IMAGE_PIXELS_MAX // 1_000_000},
        "image-too-large",
    )


def png_check(data: bytes) -> None:
    position = 8
    width = height = 0
    while True:
        if position + 8 > len(data):
            raise _refuse(_("This PNG is incomplete. Save it again."), "png-damaged")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        if kind == b"IHDR":
            width, height = struct.unpack(">II", data[position + 8 : position + 16])
            if width * height > IMAGE_PIXELS_MAX:
                raise _too_many_pixels(width, height)
        position += 12 + length
        if kind == b"IEND":
            break
    if position != len(data):
        raise _trailing()


_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def jpeg_check(data: bytes) -> None:
    position = 2
    damaged = _refuse(_("This JPEG is incomplete. Save it again."), "jpeg-damaged")
    while True:  # the segments before the first scan, each with its length
        if position + 4 > len(data) or data[position] != 0xFF:
            raise damaged
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            if width * height > IMAGE_PIXELS_MAX:
                raise _too_many_pixels(width, height)
        position += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
    # In the scans, 0xFF is followed by 0x00 (stuffing), a restart marker or another
    # segment (progressive JPEG); the image ends at the first EOI.
    end = data.find(b"\xff\xd9", position)
    if end < 0:
        raise damaged
    if data[end + 2 :].strip(b"\x00"):
        raise _trailing()


def content_check(data: bytes, content_type: str) -> None:
    """Refuse what the policy above does not allow, naming the field `file`."""
    if content_type == sniffing.PDF:
        pdf_check(data)
    elif content_type == sniffing.PNG:
        png_check(data)
    elif content_type == sniffing.JPEG:
        jpeg_check(data)


def file_content_check(file, content_type: str) -> None:
    file.seek(0)
    data = b"".join(file.chunks())
    file.seek(0)
    content_check(data, content_type)
