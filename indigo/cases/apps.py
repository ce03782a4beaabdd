from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "indigo.cases"
    label = "cases"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.audit import chain
        from indigo.cases.models import ApplicationEvent

        append_only.register(ApplicationEvent)
        chain.register(ApplicationEvent)
        append_only.connect()

        from indigo.cases import changes, checks  # noqa: F401  (the lifecycle's own changes)
