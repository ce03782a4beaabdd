"""Every bound on input, stated once (issue 9).

Forms, the API, the CSV import and the services read their limits from here, so each
door refuses the same input with the same words: free text has a length, dates lie in
a sane range, page numbers and JSON nesting are bounded, and no text carries NUL,
control, bidirectional-override or zero-width characters where they can mislead
(names) or break the database (NUL on PostgreSQL).
"""

import re
import unicodedata
from datetime import date, timedelta

from django.utils.translation import gettext as _

from indigo.errors import InvalidInput

# --- lengths ----------------------------------------------------------------------------
NAME_MAX = 200  # a given name or surname
SHORT_TEXT_MAX = 500  # a subject, a page address, a contact line
LONG_TEXT_MAX = 4000  # a reason, a motivation, an information request, a contact note
REFERENCE_MAX = 40  # an application reference in a path or a query

# --- dates ------------------------------------------------------------------------------
EARLIEST_DATE = date(1900, 1, 1)  # nobody applying was born or acted before this
# A date set ahead (the end of a repair period, an appointment day, a lending) lies
# within this many days from today; further is a typing error, not a plan.
FUTURE_DAYS_MAX = 366 * 2

# --- lists and bodies -------------------------------------------------------------------
PAGE_MAX = 10_000  # page numbers of offset pages (lists beyond this use a filter)
JSON_DEPTH_MAX = 20  # nesting of a JSON request body

# Characters that may never be stored: NUL and the other C0/C1 controls (a text
# field keeps newlines and tabs).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Format characters that change how a name looks without being letters: bidi
# overrides and isolates (U+202A-U+202E, U+2066-U+2069), zero-width characters
# (U+200B-U+200F, U+2060, U+FEFF), soft hyphen.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
ASCII_DIGITS = re.compile(r"^[0-9]+$", re.ASCII)


def has_nul(value: str) -> bool:
    return "\x00" in value


def text_check(value: str, *, field: str, max_length: int = LONG_TEXT_MAX) -> str:
    """Free text: stripped, no control characters, at most `max_length` characters."""
    value = (value or "").strip()
    if _CONTROL.search(value):
        raise InvalidInput(
            _("This text contains control characters. Type it again without them."),
            field=field,
            code="control-characters",
        )
    if len(value) > max_length:
        raise InvalidInput(
            _("Write at most %(max)d characters (this text has %(length)d).")
            % {"max": max_length, "length": len(value)},
            field=field,
            code="too-long",
        )
    return value


def name_check(value: str, *, field: str) -> str:
    """A person's name: letters as they look, no invisible or control characters."""
    value = unicodedata.normalize("NFC", " ".join((value or "").split()))
    if _CONTROL.search(value) or _INVISIBLE.search(value):
        raise InvalidInput(
            _(
                "This name contains invisible or control characters (such as a direction "
                "mark or a zero-width space). Type it again without them."
            ),
            field=field,
            code="invisible-characters",
        )
    if len(value) > NAME_MAX:
        raise InvalidInput(
            _("A name has at most %(max)d characters.") % {"max": NAME_MAX},
            field=field,
            code="too-long",
        )
    return value


def date_check(
    value: date,
    *,
    field: str,
    today: date,
    earliest: date = EARLIEST_DATE,
    future_days: int = FUTURE_DAYS_MAX,
) -> date:
    """A date within the sane range: not before `earliest`, at most `future_days` ahead."""
    latest = today + timedelta(days=future_days)
    if value < earliest or value > latest:
        raise InvalidInput(
            _("Give a date between %(earliest)s and %(latest)s.")
            % {"earliest": earliest.isoformat(), "latest": latest.isoformat()},
            field=field,
            code="date-out-of-range",
        )
    return value


def page_number(raw: str | None) -> int:
    """A page number from a query string: 1 when absent or unreadable, at most PAGE_MAX."""
    raw = (raw or "").strip()
    if not (raw and ASCII_DIGITS.match(raw) and len(raw) <= 6):
        return 1
    return min(max(int(raw), 1), PAGE_MAX)


def json_depth_exceeds(body: bytes, *, limit: int = JSON_DEPTH_MAX) -> bool:
    """Whether a JSON text nests deeper than `limit`, read without parsing it (the
    parser itself recurses and would fail first)."""
    depth, in_string, escaped = 0, False, False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False
