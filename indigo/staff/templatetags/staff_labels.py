from django import template
from django.utils.translation import gettext_lazy as _

from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Status

register = template.Library()

# Events that are not lifecycle transitions.
_OTHER_ACTIONS = {
    "receive": _("Application received"),
    "document-uploaded": _("Document added to the dossier"),
}


@register.filter
def action_label(action: str) -> str:
    transition = TRANSITIONS.get(action)
    return transition.label if transition else _OTHER_ACTIONS.get(action, action)


@register.filter
def status_label(status: str) -> str:
    return Status(status).label if status in Status.values else status
