from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "indigo.appeals"
    label = "appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        from indigo.appeals import deadline  # noqa: F401  (the court's period for a new decision)
