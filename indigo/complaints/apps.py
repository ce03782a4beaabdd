from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "indigo.complaints"
    label = "complaints"
    verbose_name = _("Complaints")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.complaints import letters  # noqa: F401  (the outbox handler)
        from indigo.complaints.models import ComplaintEvent

        append_only.register(ComplaintEvent)
