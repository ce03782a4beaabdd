from django import template
from django.utils.translation import gettext_lazy as _

from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Status

register = template.Library()

# Events that are not lifecycle transitions.
_OTHER_ACTIONS = {
    "receive": _("Application received"),
    "document-uploaded": _("Document added to the dossier"),
    "take-ownership": _("Caseworker took ownership"),
    "reassign-owner": _("Ownership reassigned"),
    "assign-task": _("Task assigned"),
    "complete-task": _("Task result recorded"),
    "contact-logged": _("Contact with the applicant"),
    "request-information": _("Information requested from the applicant"),
    "answer-information": _("Applicant supplied the information"),
    "fact-recorded": _("Fact recorded"),
    "misuse-signal": _("Signal for a specialist"),
    "misuse-signal-resolved": _("Signal assessed by a specialist"),
    "decision-recorded": _("Decision recorded"),
    "decision-approved": _("Refusal approved by a second caseworker"),
    "decision-set-aside": _("Decision set aside"),
    "letter-sent": _("Decision letter sent"),
    "sponsor-applied": _("Applied for by the recognised sponsor"),
    "fee-paid": _("Fee paid"),
    "appointment-no-show": _("Applicant did not come to the appointment"),
    "sponsor-change-reported": _("Change reported by the sponsor"),
    "appointment-booked": _("Appointment booked"),
    "appointment-moved": _("Appointment moved"),
    "appointment-cancelled": _("Appointment cancelled"),
    "applicant-identified": _("Applicant identified at the desk"),
    "biometrics-taken": _("Biometrics taken"),
    "residence-document-issued": _("Residence document handed out"),
}
_URGENCY = {
    "late": _("Late: the legal deadline has passed"),
    "at-risk": _("At risk: should have started"),
    "on-track": _("On track"),
}


@register.filter
def action_label(action: str) -> str:
    transition = TRANSITIONS.get(action)
    return transition.label if transition else _OTHER_ACTIONS.get(action, action)


@register.filter
def status_label(status: str) -> str:
    return Status(status).label if status in Status.values else status


@register.filter
def urgency_label(mark: str) -> str:
    return _URGENCY.get(mark, mark)


@register.filter
def task_label(code: str) -> str:
    """The task's name from the catalog (first definition with this code)."""
    from indigo.catalog.models import TaskDefinition

    if code == "handle":
        return _("Handle the application (owner)")
    definition = TaskDefinition.objects.filter(code=code).only("name_en", "name_nl").first()
    return definition.name if definition else code


@register.filter
def task_name(task) -> str:
    """A task's name from its own definition (no extra query when it is joined)."""
    if task.code == "handle":
        return _("Handle the application (owner)")
    return task.definition.name if task.definition_id else task.code
