from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "indigo.outbox"
    label = "outbox"
    verbose_name = _("Outbox: what leaves Indigo, and the worker that sends it")
