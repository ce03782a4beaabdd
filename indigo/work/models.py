"""Work items: the tasks on applications, in queues, ordered by urgency.

Owning an application is itself a task (code `handle`): whoever holds an
application's open `handle` task is its owning caseworker, responsible for its
timeliness and decision (R6). Every other task is part of the assessment and can run
in parallel with the others (R4).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

HANDLE = "handle"


class Task(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    class Outcome(models.TextChoices):
        NO_CONCERNS = "no-concerns", _("No concerns")
        CONCERNS = "concerns", _("Concerns found")
        NOT_POSSIBLE = "not-possible", _("Could not be carried out")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="tasks"
    )
    definition = models.ForeignKey(
        "catalog.TaskDefinition", on_delete=models.PROTECT, null=True, blank=True
    )
    code = models.SlugField(max_length=60)
    queue = models.CharField(max_length=80)
    blocking = models.BooleanField(default=True)
    expected_days = models.PositiveIntegerField(default=0)
    state = models.CharField(max_length=12, choices=State.choices, default=State.OPEN)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    due_on = models.DateField()
    # The urgency key: the last day work can start and still meet the legal deadline
    # (see indigo.work.urgency). Worklists and "get next" order by it.
    start_by = models.DateField()
    # Advice on request (code `advice`): what the owner of the case asks.
    question = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    result = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Advice on request: the owner's question (the task is then an advice request).
    question = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_by", "id"]
        indexes = [
            # "Get next": the most urgent unassigned open task of a queue.
            models.Index(
                fields=["queue", "start_by", "id"],
                condition=Q(state="open", assignee__isnull=True),
                name="work_task_unassigned_urgent",
            ),
            # A worklist: one employee's open tasks by urgency.
            models.Index(
                fields=["assignee", "start_by", "id"],
                condition=Q(state="open"),
                name="work_task_worklist",
            ),
            models.Index(fields=["application", "state"], name="work_task_application"),
            # Managers' figures: open stock per queue, and output per week.
            models.Index(
                fields=["queue", "start_by"],
                condition=Q(state="open"),
                name="work_task_open_by_queue",
            ),
            models.Index(
                fields=["queue", "completed_at"],
                condition=Q(state="done"),
                name="work_task_output",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(code=HANDLE, state="open"),
                name="work_one_open_handle_task",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} on {self.application_id}"

    @property
    def is_handle(self) -> bool:
        return self.code == HANDLE

    @property
    def is_advice(self) -> bool:
        return bool(self.question)
