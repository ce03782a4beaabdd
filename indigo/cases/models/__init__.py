from indigo.cases.models.access_log import ApplicationView
from indigo.cases.models.applications import Applicant, Application, Status, Suspension
from indigo.cases.models.events import ApplicationEvent

__all__ = [
    "Applicant",
    "Application",
    "ApplicationEvent",
    "ApplicationView",
    "Status",
    "Suspension",
]
