from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "indigo.notifications"
    label = "notifications"
    verbose_name = _("Notifications to applicants")

    def ready(self) -> None:
        # The event listener that queues e-mails, and the outbox handler that sends them.
        from indigo.notifications import services  # noqa: F401
