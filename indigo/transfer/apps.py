from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransferConfig(AppConfig):
    name = "indigo.transfer"
    label = "transfer"
    verbose_name = _("Moving applications between systems (export and import)")
