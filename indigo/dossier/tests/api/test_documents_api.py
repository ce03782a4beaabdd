import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.dossier.models import DocumentAccess
from indigo.dossier.tests.factories import make_document, stored_files, upload_file
from indigo.dossier.tests.files import tiny_jpeg, tiny_pdf


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def documents_url(application) -> str:
    return f"/api/v1/applications/{application.reference}/documents"


def content_url(document) -> str:
    return f"{documents_url(document.application)}/{document.pk}/content"


def is_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def post_file(client, application, content: bytes, type_code: str = "passport", **extra):
    return client.post(
        documents_url(application),
        {"type": type_code, "file": upload_file(content), **extra},
        format="multipart",
    )


def test_an_applicant_uploads_a_document_to_their_application(applicant, application):
    response = post_file(client_for(applicant), application, tiny_jpeg())

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["type"] == "passport"
    assert body["version"] == 1
    assert body["latest"] is True
    assert body["content_type"] == "image/jpeg"
    assert body["size_bytes"] == len(tiny_jpeg())
    assert len(body["sha256"]) == 64
    assert body["uploaded_by"] == "ana"
    assert body["source"] == "applicant"
    assert body["download"] == (
        f"http://testserver{documents_url(application)}/{body['id']}/content"
    )


def test_the_list_shows_every_version_with_its_metadata(applicant, caseworker, application):
    make_document(actor=applicant, application=application)
    make_document(actor=caseworker, application=application)

    response = client_for(caseworker).get(documents_url(application))

    assert response.status_code == 200
    listed = [(d["type"], d["version"], d["latest"], d["uploaded_by"]) for d in response.json()]
    assert listed == [("passport", 2, True, "carla"), ("passport", 1, False, "ana")]


def test_a_renamed_program_is_refused_with_invalid_params_naming_file(applicant, application):
    body = is_problem(post_file(client_for(applicant), application, b"MZ" + b"\x00" * 64), 400)

    assert body["invalidParams"][0]["name"] == "file"
    assert "Windows program" in body["invalidParams"][0]["reason"]


def test_a_type_outside_the_product_is_refused_with_invalid_params_naming_type(
    applicant, application
):
    response = post_file(client_for(applicant), application, tiny_pdf(), "birth-certificate")

    body = is_problem(response, 400)
    assert body["invalidParams"][0]["name"] == "type"
    assert "passport" in body["invalidParams"][0]["reason"]


def test_a_missing_file_is_refused_with_invalid_params_naming_file(applicant, application):
    response = client_for(applicant).post(
        documents_url(application), {"type": "passport"}, format="multipart"
    )

    body = is_problem(response, 400)
    assert [p["name"] for p in body["invalidParams"]] == ["file"]


def test_an_upload_as_json_is_unsupported(applicant, application):
    response = client_for(applicant).post(
        documents_url(application), {"type": "passport"}, format="json"
    )

    is_problem(response, 415)


def test_another_applicants_dossier_is_not_found(catalog, applicant, dossier_dir):
    theirs = make_application(product="study", actor=user_with_role("applicant"))
    client = client_for(applicant)

    is_problem(client.get(documents_url(theirs)), 404)
    is_problem(post_file(client, theirs, tiny_pdf()), 404)
    assert stored_files(dossier_dir) == []


def test_another_applicants_document_content_is_not_found(applicant, application):
    document = make_document(actor=applicant, application=application)

    response = client_for(user_with_role("applicant")).get(content_url(document))

    is_problem(response, 404)
    assert not DocumentAccess.objects.exists()


def test_the_contact_centre_may_not_upload(application):
    is_problem(post_file(client_for(user_with_role("contact")), application, tiny_pdf()), 403)


def test_a_download_streams_the_file_under_a_name_without_personal_data(
    applicant, caseworker, application
):
    document = make_document(actor=applicant, application=application, name="Ana Test passport.pdf")

    response = client_for(caseworker).get(content_url(document), HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(tiny_pdf()))
    assert response["Content-Disposition"] == (
        f'attachment; filename="{application.reference}-passport-v1.pdf"'
    )
    assert b"".join(response.streaming_content) == tiny_pdf()
    access = DocumentAccess.objects.get(document=document)
    assert (access.user, access.kind) == (caseworker, "download")


def test_a_tampered_file_is_a_500_problem_and_is_not_sent(applicant, caseworker, application):
    document = make_document(actor=applicant, application=application)
    storage = storages["dossier"]
    storage.delete(document.file.name)
    storage.save(document.file.name, ContentFile(tiny_pdf(padding=10)))

    response = client_for(caseworker).get(content_url(document), HTTP_ACCEPT="application/pdf")

    body = is_problem(response, 500)

    assert body["code"] == "integrity"
    assert "checksum" in body["detail"]


def test_an_unknown_document_is_not_found(caseworker, application):
    is_problem(client_for(caseworker).get(f"{documents_url(application)}/999999/content"), 404)


@pytest.mark.parametrize("suffix", ["/documents/", "/documents/1/content/"])
def test_paths_with_a_trailing_slash_do_not_exist(caseworker, application, suffix):
    response = client_for(caseworker).get(f"/api/v1/applications/{application.reference}{suffix}")

    is_problem(response, 404)


def test_the_openapi_document_describes_the_multipart_upload_and_the_download(client):
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    spec = json.loads(response.content)

    upload = spec["paths"]["/applications/{reference}/documents"]["post"]
    form = upload["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"]
    properties = spec["components"]["schemas"][form.rsplit("/", 1)[-1]]["properties"]
    assert properties["file"] == {
        "type": "string",
        "format": "binary",
        "description": "PDF, JPEG or PNG; judged by content.",
    }
    download = spec["paths"]["/applications/{reference}/documents/{document_id}/content"]["get"]
    assert set(download["responses"]["200"]["content"]) == {
        "application/pdf",
        "image/jpeg",
        "image/png",
    }
