"""The assessment tasks of a product version (data, like the rest of the catalog).

When an application enters assessment, one task is created per definition of its
pinned version. Tasks run in parallel, by different people in different units (R4).
Unlike the law on the version, task definitions are operational configuration: they
may change while applications are pinned to the version (tasks already opened keep
the values they were created with).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.catalog.models.products import BilingualNameMixin, ProductVersion

# The code of the work app's ownership task (indigo.work.models.HANDLE): a definition
# with this code would be mistaken for the owner's own work.
RESERVED_TASK_CODES = frozenset({"handle"})


class TaskDefinition(BilingualNameMixin):
    class QueueKind(models.TextChoices):
        PROCESS = "process", _("The integral unit of the application's process")
        SPECIALISM = "specialism", _("A specialist unit")

    version = models.ForeignKey(
        ProductVersion, on_delete=models.CASCADE, related_name="task_definitions"
    )
    code = models.SlugField(
        max_length=60,
        help_text=_(
            "For a specialism task, the specialism of the units that do it "
            "(e.g. document-examination)."
        ),
    )
    queue_kind = models.CharField(max_length=20, choices=QueueKind.choices)
    blocking = models.BooleanField(
        default=True, help_text=_("An open blocking task prevents the decision.")
    )
    expected_days = models.PositiveIntegerField(
        help_text=_("Expected calendar days from start to result (for urgency).")
    )
    due_days = models.PositiveIntegerField(
        help_text=_("The task is due this many calendar days after it is created.")
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Why the task exists, and why it blocks or not.")
    )

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="catalog_task_once_per_version"
            )
        ]

    def clean(self) -> None:
        errors = {}
        if self.code in RESERVED_TASK_CODES:
            errors["code"] = _("This code is reserved for the owner's task.")
        for name in ("expected_days", "due_days"):
            if getattr(self, name) == 0:
                errors[name] = _("Must be at least 1 day.")
        expected, due = self.expected_days, self.due_days
        if expected and due and expected > due:
            errors["expected_days"] = _(
                "Cannot be more than the number of days the task is given (due days)."
            )
        if errors:
            raise ValidationError(errors)

    def queue_for(self, process: str) -> str:
        if self.queue_kind == self.QueueKind.PROCESS:
            return f"process:{process}"
        return f"specialism:{self.code}"
