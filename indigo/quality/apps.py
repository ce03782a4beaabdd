from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "indigo.quality"
    label = "quality"
    verbose_name = "Quality and steering (Condor)"

    def ready(self) -> None:
        # The survey invitation on the decision letter, and its e-mail's outbox handler.
        from indigo.quality import satisfaction  # noqa: F401
