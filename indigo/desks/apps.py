from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DesksConfig(AppConfig):
    name = "indigo.desks"
    label = "desks"
    verbose_name = _("Service desks: appointments, identification, biometrics, documents")

    def ready(self) -> None:
        from indigo.desks import steps  # noqa: F401  (withdrawing cancels appointments)
