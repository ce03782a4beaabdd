from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "indigo.operations"
    label = "operations"
    verbose_name = "Operations: health, read replicas"
