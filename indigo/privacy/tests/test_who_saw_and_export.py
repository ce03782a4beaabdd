import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.audit.tests.helpers import logged
from indigo.cases.tests.factories import make_application
from indigo.dossier.tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen(catalog, client):
    """An application a caseworker has opened."""
    application = make_application(v_number="1234567890")
    caseworker = user_with_role("caseworker", first_name="Carla", last_name="Kok")
    client.force_login(caseworker)
    client.get(reverse("staff:application-detail", args=[application.reference]))
    client.logout()
    return application, caseworker


def test_the_privacy_officer_reads_who_saw_a_persons_data(seen, client):
    application, caseworker = seen
    officer = user_with_role("privacy")
    client.force_login(officer)

    html = client.get(
        reverse("staff:privacy-access-log"), {"v_number": "1234567890"}
    ).content.decode()

    assert f"Carla Kok ({caseworker.username})" in html
    assert "staff:application-detail" in html
    assert "Handling and deciding on applications" in html
    # Reading the log is processing too, and is recorded.
    assert "staff:privacy-access-log" in logged(applicant_id=application.applicant_id, user=officer)


@pytest.mark.parametrize("role", ["caseworker", "manager", "contact", "applicant", "sponsor"])
def test_nobody_else_may_read_the_log(seen, client, role):
    client.force_login(user_with_role(role))

    assert client.get(reverse("staff:privacy-access-log")).status_code == 403
    assert (
        client.get(reverse("staff:privacy-export", args=[seen[0].applicant_id])).status_code == 403
    )


def test_a_lookup_without_v_number_or_reference_names_what_is_missing(seen, client):
    client.force_login(user_with_role("privacy"))

    html = client.get(reverse("staff:privacy-access-log"), {"v_number": ""}).content.decode()

    assert "Give a V-number or an application reference." in html


def _export(client, applicant_id):
    response = client.get(reverse("staff:privacy-export", args=[applicant_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_export_holds_the_person_the_applications_their_history_and_documents(seen, client):
    application, caseworker = seen
    document = make_document(actor=caseworker, application=application)
    other = make_application(surname="Someone-Else")
    officer = user_with_role("privacy")
    client.force_login(officer)

    archive = _export(client, application.applicant_id)

    data = json.loads(archive.read("person.json"))
    assert data["person"]["fields"]["v_number"] == "1234567890"
    assert [a["fields"]["reference"] for a in data["applications"]] == [application.reference]
    events = data["about_the_applications"]["cases.ApplicationEvent"]
    assert {e["fields"]["action"] for e in events} >= {"receive", "document-uploaded"}
    assert "chain_hash" not in events[0]["fields"]
    assert data["about_the_applications"]["dossier.Document"][0]["pk"] == document.pk
    assert any(p["operation"] == "staff:application-detail" for p in data["processing"])
    (listed,) = data["document_files"]
    content = archive.read(listed["file"])
    assert hashlib.sha256(content).hexdigest() == document.sha256
    assert other.reference not in archive.read("person.json").decode()
    assert "privacy:person-export" in logged(applicant_id=application.applicant_id, user=officer)


def test_the_export_command_writes_the_same_file(seen, tmp_path):
    application, _ = seen
    out = tmp_path / "export.zip"

    call_command("person_export", v_number="1234567890", out=str(out))

    data = json.loads(zipfile.ZipFile(out).read("person.json"))
    assert data["applications"][0]["fields"]["reference"] == application.reference
    assert "privacy:person-export" in logged(applicant_id=application.applicant_id)


def test_the_privacy_officer_starts_at_the_processing_log(client, db):
    client.force_login(user_with_role("privacy"))

    assert client.get("/")["Location"] == reverse("staff:privacy-access-log")
