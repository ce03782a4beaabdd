import pytest


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
