from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "indigo.work"
    label = "work"
    verbose_name = _("Work: tasks, worklists and queues")

    def ready(self) -> None:
        from indigo.work import steps  # noqa: F401  (the lifecycle's work guards and effects)
