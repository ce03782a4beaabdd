from indigo.cases.models.access_log import ApplicationView
from indigo.cases.models.applications import Applicant, Application, Status, Suspension
from indigo.cases.models.events import ApplicationEvent
from indigo.cases.models.requests import InformationRequest

__all__ = [
    "Applicant",
    "Application",
    "ApplicationEvent",
    "ApplicationView",
    "InformationRequest",
    "Status",
    "Suspension",
]
