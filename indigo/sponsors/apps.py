from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorsConfig(AppConfig):
    name = "indigo.sponsors"
    label = "sponsors"
    verbose_name = _("Recognised sponsors (erkend referenten)")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.sponsors import (
            steps,  # noqa: F401  (the system confirms recognition)
            uploads,  # noqa: F401 (the worker's job for CSV uploads)
        )
        from indigo.sponsors.models import ChangeReport

        append_only.register(ChangeReport)
        append_only.connect()
