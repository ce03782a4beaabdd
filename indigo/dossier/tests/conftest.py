import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application


@pytest.fixture(autouse=True)
def dossier_dir(settings, tmp_path):
    """Every test stores its files in its own temporary directory."""
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
def _fast_passwords(settings):
    # The user factory sets a password; the production hasher takes ~0.5 s per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _a_fixed_day():
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        yield


@pytest.fixture
def applicant(db):
    return user_with_role("applicant", username="ana")


@pytest.fixture
def caseworker(db):
    return user_with_role("caseworker", username="carla")


@pytest.fixture
def application(catalog, applicant):
    """An application the applicant submitted through the portal (family reunification:
    a student's application comes from the sponsor, never from the student online)."""
    return make_application(product="family-partner", actor=applicant)
