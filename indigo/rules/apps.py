from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "indigo.rules"
    label = "rules"
    verbose_name = _("Rules: conditions, parameters and facts")

    def ready(self) -> None:
        from indigo import append_only
        from indigo.rules import checks, products  # noqa: F401  (registers checks, rule sets)
        from indigo.rules.models import Fact

        append_only.register(Fact)
        append_only.connect()
