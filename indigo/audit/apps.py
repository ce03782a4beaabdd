from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "indigo.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.audit import chain
        from indigo.audit.models import AccessTrace, ProcessingRecord

        append_only.register(AccessTrace)
        append_only.register(ProcessingRecord)
        chain.register(AccessTrace)
        chain.register(ProcessingRecord)
