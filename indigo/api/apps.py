from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "indigo.api"
    label = "api"
