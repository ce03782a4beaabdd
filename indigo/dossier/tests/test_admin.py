from indigo.dossier.models import DocumentAccess
from indigo.dossier.services import document_open
from indigo.dossier.tests.factories import make_document


def test_the_admin_shows_documents_and_accesses_read_only(admin_client, applicant, application):
    document = make_document(actor=applicant, application=application)
    document_open(actor=applicant, document=document).close()
    access = DocumentAccess.objects.get()

    assert admin_client.get("/admin/dossier/document/").status_code == 200
    page = admin_client.get(f"/admin/dossier/document/{document.pk}/change/")
    assert page.status_code == 200
    assert document.sha256 in page.content.decode()
    assert b'name="_save"' not in page.content
    assert admin_client.get(f"/admin/dossier/documentaccess/{access.pk}/change/").status_code == 200


def test_the_admin_cannot_add_or_delete_dossier_records(admin_client, applicant, application):
    document = make_document(actor=applicant, application=application)

    assert admin_client.get("/admin/dossier/document/add/").status_code == 403
    assert admin_client.get("/admin/dossier/documentaccess/add/").status_code == 403
    assert admin_client.get(f"/admin/dossier/document/{document.pk}/delete/").status_code == 403
