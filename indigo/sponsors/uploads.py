"""A CSV upload as a background job: the request stores the file, the worker files it.

A file of 250 rows took 44 s in one request; now the request only checks that the file
can be read (a broken file is refused at once, nothing stored), keeps it and answers
with a page that follows the progress. The worker files the rows through
`sponsor_bulk_import` (each row in its own transaction, as before). If the worker stops
half-way, the outbox delivers the job again and the rows already filed are recognised
as "already applied", so nothing is filed twice.
"""

import io

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from indigo import clock
from indigo.errors import InvalidInput
from indigo.outbox import handlers
from indigo.outbox.services import outbox_put
from indigo.sponsors import csv_format
from indigo.sponsors.application_input import sponsor_may_act
from indigo.sponsors.bulk_import import ImportReport, sponsor_bulk_import
from indigo.sponsors.models import BulkUpload, Sponsor

TOPIC = "sponsors.bulk-upload"


def bulk_upload_submit(*, actor, sponsor: Sponsor, csv_file, language: str) -> BulkUpload:
    """Keep the file for the worker; InvalidInput (nothing kept) when it cannot be read."""
    sponsor_may_act(actor=actor, sponsor=sponsor, today=clock.today())
    raw = csv_file.read(csv_format.MAX_BYTES + 1)
    rows = csv_format.csv_read(io.BytesIO(raw if isinstance(raw, bytes) else raw.encode()))
    text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    if "\x00" in text:  # a control character no spreadsheet writes; nothing is kept
        line = text[: text.index("\x00")].count("\n") + 1
        raise InvalidInput(
            _("Line %(line)d of the file holds a NUL character. Save the file again as CSV.")
            % {"line": line},
            field="csv_file",
        )
    with transaction.atomic():
        upload = BulkUpload.objects.create(
            sponsor=sponsor,
            uploaded_by=actor,
            file_name=(getattr(csv_file, "name", "") or "")[:255],
            language=language,
            content=text,
            rows_total=len(rows),
            created_at=clock.now(),
        )
        outbox_put(topic=TOPIC, key=f"bulk-upload:{upload.pk}", payload={"upload": upload.pk})
    return upload


@handlers.handler(TOPIC)
def bulk_upload_run(message) -> str:
    upload = BulkUpload.objects.select_related("sponsor", "uploaded_by").get(
        pk=message.payload["upload"]
    )
    if upload.state == BulkUpload.State.DONE:
        return "already filed"
    BulkUpload.objects.filter(pk=upload.pk).update(state=BulkUpload.State.RUNNING)

    def progress(done: int, total: int) -> None:
        BulkUpload.objects.filter(pk=upload.pk).update(rows_done=done, rows_total=total)

    with translation.override(upload.language):
        report = sponsor_bulk_import(
            actor=upload.uploaded_by,
            sponsor=upload.sponsor,
            csv_file=io.StringIO(upload.content),
            progress=progress,
        )
    BulkUpload.objects.filter(pk=upload.pk).update(
        state=BulkUpload.State.DONE,
        report=report.as_data(),
        content="",
        finished_at=clock.now(),
    )
    filed, failed = len(report.imported), len(report.failed)
    return f"{filed} filed, {failed} not, {len(report.already_applied)} skipped"


def upload_report(upload: BulkUpload) -> ImportReport | None:
    return ImportReport.from_data(upload.report) if upload.state == BulkUpload.State.DONE else None
