from pathlib import Path

import pytest
import time_machine
from django.core.files.base import ContentFile

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.decisions.tests.factories import final_decision
from indigo.dossier.services import document_upload
from indigo.dossier.tests.files import tiny_pdf
from indigo.rules.services import ensure_parameters, fact_record

DOCS = Path(__file__).resolve().parents[3] / "docs" / "migration"


@pytest.fixture(autouse=True)
def dossier_dir(settings, tmp_path):
    location = tmp_path / "dossier"
    settings.STORAGES = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": location},
        },
    }
    return location


@pytest.fixture(autouse=True)
def day():
    with time_machine.travel("2024-03-01 10:00 +01:00", tick=False) as traveller:
        yield traveller


@pytest.fixture
def applications(db):
    """Two applications with history: events, a suspension-free intake, facts (also
    from partners), tasks, a document and a decision."""
    ensure_parameters()
    caseworker = user_with_role("caseworker", username="casper")
    first = make_application(product="family-partner", actor=caseworker, v_number="1234567890")
    fact_record(
        actor=caseworker,
        application=first,
        name="sponsor_bsn",
        value="999993653",
        source="applicant",
    )
    document_upload(
        actor=caseworker,
        application=first,
        document_type_code="passport",
        file=ContentFile(tiny_pdf(), name="passport.pdf"),
    )
    application_act(actor=caseworker, application=first, action="start-intake")
    second = make_application(product="family-child", actor=caseworker)
    final_decision(second, caseworker)
    return [first, second]
