"""The assessment tasks of a product version (data, like the rest of the law).

When an application enters assessment, one task is created per definition of its
pinned version. Tasks run in parallel, by different people in different units (R4).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.catalog.models.products import BilingualNameMixin, ProductVersion


class TaskDefinition(BilingualNameMixin):
    class QueueKind(models.TextChoices):
        PROCESS = "process", _("The integral unit of the application's process")
        SPECIALISM = "specialism", _("A specialist unit")

    version = models.ForeignKey(
        ProductVersion, on_delete=models.CASCADE, related_name="task_definitions"
    )
    code = models.SlugField(max_length=60)
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

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="catalog_task_once_per_version"
            )
        ]

    def queue_for(self, process: str) -> str:
        if self.queue_kind == self.QueueKind.PROCESS:
            return f"process:{process}"
        return f"specialism:{self.code}"
