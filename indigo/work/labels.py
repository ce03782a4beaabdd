"""Tasks by their names (for screens and charts)."""

from django.utils.translation import gettext as _

from indigo.catalog.models import TaskDefinition
from indigo.work.models import HANDLE


def task_label(code: str) -> str:
    """The task's name from the catalog (first definition with this code)."""
    if code == HANDLE:
        return _("Handle the application (owner)")
    definition = TaskDefinition.objects.filter(code=code).only("name_en", "name_nl").first()
    return definition.name if definition else code


def task_name(task) -> str:
    """A task's name from its own definition (no extra query when it is joined)."""
    if task.code == HANDLE:
        return _("Handle the application (owner)")
    return task.definition.name if task.definition_id else task.code
