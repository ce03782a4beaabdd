from django.apps import AppConfig


class WorkConfig(AppConfig):
    name = "indigo.work"
    label = "work"
    verbose_name = "Work: tasks, worklists and queues"
