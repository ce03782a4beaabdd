"""The outbox: every side effect that leaves the process, written with the change.

A `Message` is written in the same transaction as the change that causes it (an
e-mail to the applicant, a letter to render and send, a call to a partner), so it
exists exactly when the change does. The worker (`indigo worker`) delivers it after
the commit through the handler registered for its topic, with attempts and back-off;
a message that keeps failing ends as dead, visible in the admin, where a person can
try it again. Delivery is at least once: handlers are idempotent.

`ScheduledJob` is the worker's schedule: which periodic job runs how often, and how
its last run went.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be delivered")
        DELIVERED = "delivered", _("Delivered")
        DEAD = "dead", _("Failed; no more attempts")

    topic = models.CharField(max_length=60, help_text=_("The handler that delivers it."))
    # One message per thing to do: putting the same key twice returns the first.
    key = models.CharField(max_length=200, unique=True)
    payload = models.JSONField(default=dict, blank=True)
    application = models.ForeignKey(
        "cases.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outbox_messages",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField()
    next_attempt_at = models.DateTimeField()
    # A delivery in progress holds the message until then, so no second worker takes it.
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(state="pending"),
                name="outbox_pending_due",
            ),
            models.Index(fields=["topic", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.key} ({self.state})"


class ScheduledJob(models.Model):
    """A periodic job of the worker (its schedule is data: settings.INDIGO_SCHEDULE
    gives the defaults, an administrator may change the interval or pause it)."""

    name = models.SlugField(max_length=60, unique=True)
    function = models.CharField(max_length=200, help_text=_("Dotted path of the job."))
    every_seconds = models.PositiveIntegerField()
    active = models.BooleanField(default=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_result = models.TextField(blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} every {self.every_seconds} s"
