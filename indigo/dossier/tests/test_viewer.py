"""The dossier viewer for staff (issue 11, item 1): the document inline, its versions
side by side, uploader and source, the checksum checked on every view, the access log."""

from indigo.dossier.models import DocumentAccess
from indigo.dossier.tests.factories import make_document, stored_files
from indigo.dossier.tests.files import tiny_pdf


def test_staff_open_a_document_inline_and_the_view_is_logged(client, caseworker, application):
    document = make_document(actor=caseworker, application=application)
    client.force_login(caseworker)
    base = f"/staff/applications/{application.reference}/documents/{document.pk}"

    page = client.get(base).content.decode()
    assert f'src="{base}/content"' in page  # shown in the page, no download needed
    assert document.sha256 in page and "Version 1" in page

    response = client.get(f"{base}/content")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "inline"
    assert b"".join(response.streaming_content) == tiny_pdf()
    access = DocumentAccess.objects.get(document=document)
    assert (access.user, access.kind, access.context) == (
        caseworker,
        "view",
        "staff:dossier-viewer",
    )

    case = client.get(f"/staff/applications/{application.reference}").content.decode()
    assert "Who opened documents of this dossier" in case
    assert f'href="{base}"' in case


def test_versions_are_shown_side_by_side(client, caseworker, application):
    first = make_document(actor=caseworker, application=application)
    second = make_document(actor=caseworker, application=application, content=tiny_pdf() + b" ")
    client.force_login(caseworker)

    page = client.get(
        f"/staff/applications/{application.reference}/documents/{second.pk}"
    ).content.decode()

    assert "Version 2" in page and "Version 1" in page
    assert f"/documents/{first.pk}/content" in page and f"/documents/{second.pk}/content" in page


def test_a_tampered_file_is_refused_and_not_shown(client, caseworker, application, dossier_dir):
    document = make_document(actor=caseworker, application=application)
    (path,) = stored_files(dossier_dir)
    path.write_bytes(b"%PDF-1.4 something else")
    client.force_login(caseworker)

    response = client.get(
        f"/staff/applications/{application.reference}/documents/{document.pk}/content"
    )

    assert response.status_code == 500
    assert b"something else" not in response.content
    assert not DocumentAccess.objects.filter(document=document).exists()


def test_someone_who_cannot_see_the_application_gets_404(client, application, caseworker):
    from indigo.accounts.tests.factories import make_unit, user_with_role

    document = make_document(actor=caseworker, application=application)
    outsider = user_with_role("caseworker", units=[make_unit("asylum", processes=["asylum"])])
    client.force_login(outsider)

    response = client.get(
        f"/staff/applications/{application.reference}/documents/{document.pk}/content"
    )

    assert response.status_code == 404
