from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "indigo.decisions"
    label = "decisions"
    verbose_name = _("Decisions: the caseworker's decision and its letter")

    def ready(self) -> None:
        # The lifecycle's decision guards and effects, and the letter's outbox handler.
        from indigo.decisions import checks, delivery, steps  # noqa: F401
