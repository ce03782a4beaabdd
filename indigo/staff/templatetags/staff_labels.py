from django import template
from django.utils.translation import gettext_lazy as _

from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Status

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
