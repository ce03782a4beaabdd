"""Tasks by their names (for screens and charts)."""

from django.utils.translation import gettext as _

from indigo.catalog.models import Process, TaskDefinition
from indigo.work.models import HANDLE

ADVICE = "advice"


def task_label(code: str) -> str:
    """The task's name from the catalog (first definition with this code)."""
    if code == HANDLE:
        return _("Handle the application (owner)")
    if code == ADVICE:
        return _("Advice")
    definition = TaskDefinition.objects.filter(code=code).only("name_en", "name_nl").first()
    return definition.name if definition else code


def task_name(task) -> str:
    """A task's name from its own definition (no extra query when it is joined)."""
    if task.code == HANDLE:
        return _("Handle the application (owner)")
    if task.question:
        return _("Advice requested: %(name)s") % {"name": task_label(task.code)}
    return task.definition.name if task.definition_id else task_label(task.code)


def queue_label(queue: str) -> str:
    """A queue by its name: "Regular: work" for `process:regular-economic`, the
    specialism's task name for `specialism:<code>`."""
    kind, _sep, code = queue.partition(":")
    if kind == "process" and code in Process.values:
        return str(Process(code).label)
    if kind == "specialism":
        return str(task_label(code))
    return queue
