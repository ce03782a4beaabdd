"""A CSV upload is filed by the worker, with its progress visible, and only to its sponsor."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indigo.cases.models import Application
from indigo.errors import InvalidInput
from indigo.outbox.models import Message
from indigo.sponsors.models import BulkUpload
from indigo.sponsors.tests.factories import make_sponsor_user
from indigo.sponsors.tests.test_bulk_import import BAD_NATIONALITY, GOOD, HEADER
from indigo.sponsors.uploads import bulk_upload_run, bulk_upload_submit


def _file(*rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("students.csv", "\n".join([HEADER, *rows]).encode())


def test_the_request_only_keeps_the_file_and_the_worker_files_it(
    officer, university, deliver_outbox
):
    upload = bulk_upload_submit(
        actor=officer, sponsor=university, csv_file=_file(GOOD, BAD_NATIONALITY), language="en"
    )

    assert (upload.state, upload.rows_total, upload.rows_done) == ("queued", 2, 0)
    assert not Application.objects.exists()
    assert Message.objects.filter(topic="sponsors.bulk-upload").count() == 1

    deliver_outbox()

    upload.refresh_from_db()
    assert (upload.state, upload.rows_done, upload.content) == ("done", 2, "")
    assert [row["reference"] != "" for row in upload.report] == [True, False]
    assert Application.objects.count() == 1


def test_a_job_delivered_twice_files_nothing_twice(officer, university, deliver_outbox):
    upload = bulk_upload_submit(
        actor=officer, sponsor=university, csv_file=_file(GOOD), language="en"
    )
    message = Message.objects.get(topic="sponsors.bulk-upload")
    content = upload.content
    bulk_upload_run(message)
    # A worker that died before recording "done" runs the job again on the same file.
    BulkUpload.objects.filter(pk=upload.pk).update(state="running", content=content)
    bulk_upload_run(message)

    upload.refresh_from_db()
    assert Application.objects.count() == 1
    assert upload.report[0]["already"]


def test_a_file_that_cannot_be_read_is_refused_at_once_and_nothing_is_kept(officer, university):
    broken = SimpleUploadedFile("x.csv", b"name;age\nx;1\n")
    with pytest.raises(InvalidInput):
        bulk_upload_submit(actor=officer, sponsor=university, csv_file=broken, language="en")
    assert not BulkUpload.objects.exists()
    assert not Message.objects.exists()


def test_another_sponsor_cannot_see_an_upload(client, officer, university, employer):
    upload = bulk_upload_submit(
        actor=officer, sponsor=university, csv_file=_file(GOOD), language="en"
    )
    url = reverse("sponsors:upload-status", args=[upload.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 200

    client.force_login(make_sponsor_user(employer))
    assert client.get(url).status_code == 404


def test_the_report_is_in_the_uploaders_language(officer, university, deliver_outbox):
    for language in ("nl", "en"):
        bulk_upload_submit(
            actor=officer,
            sponsor=university,
            csv_file=io.BytesIO("\n".join([HEADER, BAD_NATIONALITY]).encode()),
            language=language,
        )
    deliver_outbox()
    dutch, english = (
        u.report[0]["errors"][0]["message"] for u in BulkUpload.objects.order_by("id")
    )
    assert "country code" in english
    assert "country code" not in dutch
