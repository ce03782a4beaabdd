import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role

# A Monday in 2026, so the 2026 product versions are in force.
TODAY = "2026-03-02 10:00 +01:00"


@pytest.fixture(autouse=True)
def _portal_settings(settings, tmp_path):
    settings.INDIGO_DEV_LOGIN = True
    settings.INDIGO_PAYMENT_PROVIDER = "indigo.portal.payments.SimulatedPaymentProvider"
    settings.INDIGO_PUBLIC_URL = "https://mijn.ind.example"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "dossier"},
        },
    }


@pytest.fixture
def on_a_monday():
    with time_machine.travel(TODAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def person(db):
    return user_with_role("applicant", username="valentina", email="valentina@example.org")


@pytest.fixture
def portal(client, person):
    client.force_login(person)
    return client
