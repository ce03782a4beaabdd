from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MisuseConfig(AppConfig):
    name = "indigo.misuse"
    label = "misuse"
    verbose_name = _("Misuse: explainable signals routed to specialists")

    def ready(self) -> None:
        from indigo.misuse import checks  # noqa: F401  (registers the system checks)
