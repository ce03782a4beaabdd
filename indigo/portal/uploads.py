"""Files uploaded in the wizard, before the application (and so its dossier) exists.

They are checked the way the dossier checks them (`indigo.dossier.sniffing`: by
content, never by name; the same size limit, the same messages) so the applicant
hears about a wrong file at the step where they chose it, not at the end. On
submission the dossier service checks them again and stores them. Until then they
wait in the default storage under a random name that carries no personal data.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from indigo.dossier import content_policy, sniffing
from indigo.errors import InvalidInput

PREFIX = "portal-drafts"


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    size: int


def staging_storage() -> Storage:
    return storages["default"]


def _megabytes(size: int) -> str:
    text = f"{size / (1024 * 1024):.2f}".rstrip("0").rstrip(".")
    if text == "0":
        return ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}
    return _("%(size)s MB") % {"size": text.replace(".", get_format("DECIMAL_SEPARATOR"))}


def _too_big(limit: int) -> InvalidInput:
    return InvalidInput(
        _(
            "The file is larger than the limit of %(limit)s. Upload a smaller file, for "
            "example a scan at a lower resolution or fewer pages."
        )
        % {"limit": _megabytes(limit)},
        field="file",
        code="too-big",
    )


def upload_check(file: File) -> CheckedFile:
    """The file's real type, or InvalidInput saying in the user's language what is wrong."""
    limit = settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES
    if not file.size:
        raise InvalidInput(
            _("The file is empty. Choose the file again; if it was a scan, scan it again."),
            field="file",
            code="empty",
        )
    if file.size > limit:
        raise _too_big(limit)
    head = b""
    tail = b""
    size = 0
    for chunk in file.chunks():
        size += len(chunk)
        if size > limit:
            raise _too_big(limit)
        if len(head) < sniffing.HEAD_SIZE:
            head += chunk[: sniffing.HEAD_SIZE - len(head)]
        tail = (tail + chunk)[-sniffing.TAIL_SIZE :]
    file.seek(0)
    content_type = sniffing.sniff(head, tail)
    if content_type is None:
        raise InvalidInput(
            _(
                "The file's content is %(found)s; allowed are %(allowed)s. Renaming a file "
                "does not change its content: save or scan the document as PDF, JPEG or PNG."
            )
            % {
                "found": sniffing.describe(head, tail),
                "allowed": ", ".join(sniffing.ALLOWED.values()),
            },
            field="file",
            code="content-type",
        )
    content_policy.file_content_check(file, content_type)
    return CheckedFile(content_type=content_type, size=size)


def stage(file: File, checked: CheckedFile) -> str:
    """Keep the file until submission; returns its stored name."""
    name = f"{PREFIX}/{uuid.uuid4().hex}.{sniffing.EXTENSIONS[checked.content_type]}"
    return staging_storage().save(name, file)


def unstage(stored_name: str) -> None:
    staging_storage().delete(stored_name)
