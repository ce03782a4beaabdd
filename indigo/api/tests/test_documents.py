"""The dossier through the API, called as a client would (the dossier app tests the rest)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.api.tests.conftest import client_for, invalid_names, is_problem
from indigo.cases.tests.factories import make_application
from indigo.dossier.tests.files import tiny_pdf

pytestmark = pytest.mark.usefixtures("catalog")


def test_a_document_is_added_listed_and_downloaded(caseworker):
    application = make_application(actor=caseworker.user)
    ref = application.reference

    added = caseworker.post(
        f"/api/v1/applications/{ref}/documents",
        {"type": "passport", "file": SimpleUploadedFile("p.pdf", tiny_pdf())},
        format="multipart",
    )
    listed = caseworker.get(f"/api/v1/applications/{ref}/documents").json()
    document_id = added.json()["id"]
    content = caseworker.get(f"/api/v1/applications/{ref}/documents/{document_id}/content")

    assert added.status_code == 201, added.content
    assert [d["type"] for d in listed] == ["passport"]
    assert content.status_code == 200 and b"".join(content.streaming_content) == tiny_pdf()


def test_a_document_without_a_type_is_a_400_and_a_strangers_dossier_a_404(caseworker):
    application = make_application(actor=caseworker.user)
    ref = application.reference

    missing = caseworker.post(
        f"/api/v1/applications/{ref}/documents",
        {"file": SimpleUploadedFile("p.pdf", tiny_pdf())},
        format="multipart",
    )
    stranger = client_for("applicant")

    assert invalid_names(missing) == {"type"}
    is_problem(stranger.get(f"/api/v1/applications/{ref}/documents"), 404)
    is_problem(stranger.get(f"/api/v1/applications/{ref}/documents/1/content"), 404)


def test_unknown_fields_of_an_application_or_a_step_are_a_400(caseworker):
    application = make_application(actor=caseworker.user)

    listed = caseworker.get("/api/v1/applications?colour=blue")
    step = caseworker.post(
        f"/api/v1/applications/{application.reference}/actions/suspend",
        {"reason": "r", "until": "2099-01-01", "urgent": True},
        format="json",
    )

    assert invalid_names(listed) == {"colour"}
    assert invalid_names(step) == {"urgent"}
    application.refresh_from_db()
    assert application.status == "received"
