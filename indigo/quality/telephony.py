"""Importing the telephony system's daily export (docs/telephony-csv.md).

The file is checked whole before anything is written: a wrong header, a bad number or
impossible counts (more answered than offered) refuse the file with the line and the
column, and nothing of it is imported. A day imported again replaces the earlier rows
of that day and queue, so importing the same file twice changes nothing.
"""

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.errors import InvalidInput
from indigo.quality.models import TelephonyDay

COLUMNS = (
    "date",
    "queue",
    "offered",
    "answered",
    "answered_in_target",
    "abandoned",
    "wait_seconds_mean",
    "wait_seconds_max",
)
NUMBERS = COLUMNS[2:]


@dataclass(frozen=True)
class ImportReport:
    rows: int
    days: int
    sha256: str


def telephony_import(content: bytes) -> ImportReport:
    sha = hashlib.sha256(content).hexdigest()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("The file is not UTF-8 text."), field="file") from None
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise InvalidInput(
            _("Line 1: the columns must be %(columns)s.") % {"columns": ",".join(COLUMNS)},
            field="file",
        )
    rows = [_row(line, n) for n, line in enumerate(reader, start=2)]
    now = clock.now()
    with transaction.atomic():
        for row in rows:
            TelephonyDay.objects.update_or_create(
                day=row["day"],
                queue=row["queue"],
                defaults={**row, "file_sha256": sha, "imported_at": now},
            )
    return ImportReport(rows=len(rows), days=len({r["day"] for r in rows}), sha256=sha)


def _row(line: dict, n: int) -> dict:
    def bad(column: str, why: str):
        return InvalidInput(
            _("Line %(line)d, column %(column)s: %(why)s")
            % {"line": n, "column": column, "why": why},
            field="file",
        )

    try:
        day = date.fromisoformat((line.get("date") or "").strip())
    except ValueError:
        raise bad("date", _("write the date as YYYY-MM-DD.")) from None
    if day > clock.today():
        raise bad("date", _("the day lies in the future."))
    queue = (line.get("queue") or "").strip()
    if not queue:
        raise bad("queue", _("the queue is missing."))
    row = {"day": day, "queue": queue}
    for column in NUMBERS:
        raw = (line.get(column) or "").strip()
        if not raw.isdigit():
            raise bad(column, _("“%(value)s” is not a whole number of 0 or more.") % {"value": raw})
        row[column] = int(raw)
    if row["answered"] + row["abandoned"] > row["offered"]:
        raise bad("answered", _("answered and abandoned calls are more than the calls offered."))
    if row["answered_in_target"] > row["answered"]:
        raise bad("answered_in_target", _("more calls answered in time than answered."))
    return row


def telephony_import_due() -> str:
    """The worker's daily job: import the files in INDIGO_TELEPHONY_DIR not imported yet."""
    folder = getattr(settings, "INDIGO_TELEPHONY_DIR", "")
    if not folder:
        return "no INDIGO_TELEPHONY_DIR set"
    done = set(TelephonyDay.objects.values_list("file_sha256", flat=True).distinct())
    imported = []
    for path in sorted(Path(folder).glob("*.csv")):
        content = path.read_bytes()
        if hashlib.sha256(content).hexdigest() in done:
            continue
        report = telephony_import(content)
        imported.append(f"{path.name}: {report.rows} rows")
    return "; ".join(imported) or "nothing new"
