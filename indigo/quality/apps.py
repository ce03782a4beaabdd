from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "indigo.quality"
    label = "quality"
    verbose_name = "Quality and steering (Condor)"
