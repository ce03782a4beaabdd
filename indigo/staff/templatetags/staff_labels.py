from django import template
from django.utils.translation import gettext_lazy as _

from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Status
from indigo.work import labels

register = template.Library()

_URGENCY = {
    "late": _("Late: the legal deadline has passed"),
    "at-risk": _("At risk: should have started"),
    "on-track": _("On track"),
}


@register.filter
def action_label(action: str) -> str:
    """The name of an event kind for a timeline (`indigo.cases.event_kinds`)."""
    return EventKind(action).label if action in EventKind.values else action


@register.filter
def status_label(status: str) -> str:
    return Status(status).label if status in Status.values else status


@register.filter
def urgency_label(mark: str) -> str:
    return _URGENCY.get(mark, mark)


register.filter("task_label", labels.task_label)
register.filter("task_name", labels.task_name)
register.filter("queue_label", labels.queue_label)
