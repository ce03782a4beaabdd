from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "indigo.demo"
    label = "demo"
