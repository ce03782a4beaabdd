from indigo.cases.models.applications import Applicant, Application, Status, Suspension
from indigo.cases.models.events import ApplicationEvent
from indigo.cases.models.requests import InformationRequest

__all__ = [
    "Applicant",
    "Application",
    "ApplicationEvent",
    "InformationRequest",
    "Status",
    "Suspension",
]
