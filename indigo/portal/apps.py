from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "indigo.portal"
    label = "portal"
    verbose_name = _("Applicant portal")

    def ready(self) -> None:
        from indigo.portal import checks  # noqa: F401  (registers the system checks)
