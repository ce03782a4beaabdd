from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "indigo.deadlines"
    label = "deadlines"
    verbose_name = "Decision deadlines"
