"""Where dossier files live: the "dossier" entry of settings.STORAGES.

Any Django storage works (local disk for the demo, an S3-compatible object store in
production). Stored names carry no personal data: the year and a random UUID.
"""

import uuid

from django.core.files.storage import Storage, storages

from indigo import clock


def dossier_storage() -> Storage:
    """The configured storage, looked up at each call.

    A FileField evaluates its storage callable once, at import; services and
    selectors call this instead, so a changed STORAGES setting (tests) takes effect.
    """
    return storages["dossier"]


def new_storage_name(extension: str) -> str:
    return f"{clock.today():%Y}/{uuid.uuid4().hex}.{extension}"
