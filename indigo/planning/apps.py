from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "indigo.planning"
    label = "planning"
    verbose_name = "Capacity planning and forecasts"
