from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "indigo.dossier"
    label = "dossier"
    verbose_name = "Dossier"

    def ready(self) -> None:
        from indigo import append_only
        from indigo.dossier.models import DocumentAccess

        append_only.register(DocumentAccess)
        append_only.connect()
