from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossierConfig(AppConfig):
    name = "indigo.dossier"
    label = "dossier"
    verbose_name = _("Dossier")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.dossier.models import Document, DocumentAccess

        # A stored document version and its checksum are never rewritten; every
        # access to one is kept.
        append_only.register(Document)
        append_only.register(DocumentAccess)
        append_only.connect()
