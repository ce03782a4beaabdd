import pytest
import time_machine

# A fixed day, so the fourteen months of demo receipts fall inside the catalog's versions
# whatever day the suite runs.
DEMO_DAY = "2026-06-15 10:00 +02:00"


@pytest.fixture(autouse=True)
def _a_fixed_day():
    with time_machine.travel(DEMO_DAY):
        yield


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The real hasher takes ~0.5 s a password on purpose; the tests need no such cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def dossier_dir(settings, tmp_path):
    """Demo documents go to a temporary directory, never into var/."""
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
def mail_dir(settings, tmp_path):
    """The demo writes its e-mails as files: here, never into var/."""
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    return tmp_path / "mail"
