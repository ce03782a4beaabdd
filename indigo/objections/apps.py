from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectionsConfig(AppConfig):
    name = "indigo.objections"
    label = "objections"
    verbose_name = _("Objections")

    def ready(self) -> None:
        from indigo.objections import deadline  # noqa: F401  (the objection phase's due date)
