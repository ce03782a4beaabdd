from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "indigo.staff"
    label = "staff"
