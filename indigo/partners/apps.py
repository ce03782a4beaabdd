from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "indigo.partners"
    label = "partners"
    verbose_name = _("Partner agencies: questions, reports and subscriptions")

    def ready(self) -> None:
        # The event listeners that ask partners, the outbox handler that does, and the
        # rules' source of facts "waiting for partner".
        from indigo.partners import listeners  # noqa: F401
