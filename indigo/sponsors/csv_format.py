"""The CSV file a sponsor uploads to apply for many migrants at once.

Format:

- UTF-8 text; a byte-order mark (as Excel's "CSV UTF-8" writes it) is fine.
- The first row names the columns; the delimiter is `;` (Dutch spreadsheets) or `,`,
  whichever the first row uses. Column names are case-insensitive, in any order.
- One row per migrant. Row numbers in reports are those a spreadsheet shows: the
  column names are row 1, the first migrant row 2.
- Dates as 2027-06-30 (or 30-06-2027); yes/no as yes, no, ja, nee, true, false, 1, 0;
  amounts in euros per month as 5942.00 or 5942,00, without a thousands separator.

Columns (`COLUMNS` below; the upload page lists them with an explanation):

- required: product, given_names, surname, date_of_birth, nationality
- optional: v_number; authorisation_given_on and authorisation_how (the migrant's
  authorisation: needed unless one is already on record for the V-number); vouch;
  and the facts the sponsor states for the product (`statements.STATED_FACTS`).

This module only reads the file into rows of values; checking a row is the same as
checking the apply form (`application_input`).
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indigo import limits
from indigo.errors import InvalidInput
from indigo.sponsors.statements import (
    ALL_STATED,
    REQUIRED_ON_APPLY,
    FieldError,
    date_parse,
    text_parse,
    yes_no_parse,
)

MAX_BYTES = 2 * 1024 * 1024
# Every row becomes an application within the request (about 25 ms a row on SQLite):
# bigger batches are split.
MAX_ROWS = 250

REQUIRED_COLUMNS = ("product", "given_names", "surname", "date_of_birth", "nationality")
OPTIONAL_COLUMNS = ("v_number", "authorisation_given_on", "authorisation_how", "vouch")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + ALL_STATED

COLUMN_HELP = {
    "product": gettext_lazy("Product code, for example study or highly-skilled-migrant"),
    "given_names": gettext_lazy("Given names, as in the passport"),
    "surname": gettext_lazy("Surname, as in the passport"),
    "date_of_birth": gettext_lazy("Date of birth, for example 2001-03-14"),
    "nationality": gettext_lazy("Nationality: three letters, for example COL for Colombia"),
    "v_number": gettext_lazy("V-number (10 digits), if the migrant has one"),
    "authorisation_given_on": gettext_lazy("The day the migrant authorised your organisation"),
    "authorisation_how": gettext_lazy("How the migrant authorised you, for example: signed form"),
    "vouch": gettext_lazy("yes: your organisation declares that the migrant meets the conditions"),
}


def column_need(name: str) -> str:
    """When a column must be filled in, for the upload page."""
    if name in REQUIRED_COLUMNS:
        return _("Always")
    if name == "v_number":
        return _("If the migrant has one")
    if name in ("authorisation_given_on", "authorisation_how"):
        return _("Unless an authorisation is on record for the V-number and product")
    if name == "contract_end_date":
        return _("For work, unless the contract is open-ended")
    products = sorted(code for code, names in REQUIRED_ON_APPLY.items() if name in names)
    if products:
        return _("For: %(products)s") % {"products": ", ".join(products)}
    return _("If it applies")


@dataclass
class Row:
    number: int
    values: dict[str, object] = field(default_factory=dict)  # parsed; None = empty
    errors: list[FieldError] = field(default_factory=list)


def csv_read(csv_file) -> list[Row]:
    """The rows of the file, each with its values and the problems reading them.

    A problem with the file as a whole (not text, no column names, an unknown column)
    raises InvalidInput: then nothing can be imported, and the message says why.
    """
    raw = csv_file.read(MAX_BYTES + 1)
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_BYTES:
        raise InvalidInput(
            _("The file is larger than %(size)d MB. Split it into smaller files.")
            % {"size": MAX_BYTES // (1024 * 1024)},
            field="csv_file",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            _(
                "The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 "
                "(comma delimited)” and upload it again."
            ),
            field="csv_file",
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise InvalidInput(_("The file is empty."), field="csv_file")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    columns: list[str] | None = None
    rows = []
    try:
        # A record's number is its row in a spreadsheet (a value with a line break in
        # it excepted): blank lines count, as a spreadsheet shows them.
        for number, cells in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1
        ):
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                columns = _columns(cells)
                continue
            if len(rows) == MAX_ROWS:
                raise InvalidInput(
                    _("The file has more than %(max)d rows. Split it into smaller files.")
                    % {"max": MAX_ROWS},
                    field="csv_file",
                )
            rows.append(_row(number, columns, cells))
    except csv.Error as exc:
        raise InvalidInput(
            _("The file cannot be read as CSV (%(problem)s). Save it again as CSV UTF-8.")
            % {"problem": exc},
            field="csv_file",
        ) from None
    if not rows:
        raise InvalidInput(
            _("The file has column names but no rows with migrants."), field="csv_file"
        )
    return rows


def _columns(header: list[str]) -> list[str]:
    columns = [name.strip().lower() for name in header]
    unknown = [c for c in columns if c and c not in COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    twice = sorted({c for c in columns if c and columns.count(c) > 1})
    problems = []
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        problems.append(
            _("Unknown columns: %(columns)s. The columns are: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    if twice:
        problems.append(_("Columns named twice: %(columns)s.") % {"columns": ", ".join(twice)})
    if problems:
        raise InvalidInput(
            _("The first row must name the columns. %(problems)s")
            % {"problems": " ".join(problems)},
            field="csv_file",
        )
    return columns


def _row(number: int, columns: list[str], cells: list[str]) -> Row:
    row = Row(number=number)
    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
        row.errors.append(
            FieldError(
                "",
                _(
                    "This row has %(cells)d cells, but there are only %(columns)d column "
                    "names. Is there a delimiter (; or ,) inside a value? Put such a value "
                    "in double quotes."
                )
                % {"cells": len(cells), "columns": len(columns)},
            )
        )
    for index, column in enumerate(columns):
        if not column:
            continue
        text = cells[index].strip() if index < len(cells) else ""
        value = _parse(column, text)
        if isinstance(value, FieldError):
            row.errors.append(value)
            value = None
        row.values[column] = value
    return row


def _parse(column: str, text: str):
    if not text:
        return None
    try:
        text = limits.text_check(text, field=column, max_length=limits.SHORT_TEXT_MAX)
    except InvalidInput as exc:
        return FieldError(column, exc.message)
    if column in ("date_of_birth", "authorisation_given_on"):
        return date_parse(text, field=column)
    if column == "vouch":
        return yes_no_parse(text, field=column)
    if column in ALL_STATED:
        return text_parse(column, text)
    return text


def csv_template() -> str:
    """An example file with every column, for the upload page."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(COLUMNS)
    example = {
        "product": "study",
        "given_names": "Valentina",
        "surname": "Restrepo Gómez",
        "date_of_birth": "2001-03-14",
        "nationality": "COL",
        "authorisation_given_on": "2026-05-04",
        "authorisation_how": "signed form",
        "vouch": "yes",
        "programme_name": "MSc Water Management",
        "programme_end_date": "2028-08-31",
        "admitted_to_programme": "yes",
    }
    writer.writerow([example.get(c, "") for c in COLUMNS])
    return out.getvalue()
