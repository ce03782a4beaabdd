"""E-mails to applicants (R9: the applicant is informed proactively).

A row is written in the same transaction as the event it announces, with its message
in the outbox; the worker sends it after the commit and tries again when sending fails
(attempts and errors are on the outbox message). The row holds no address and no
text: the address is read from the applicant's portal account when sending, and the
text is the same generic sentence for everyone.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        RECEIVED = "received", _("Application received")
        INFORMATION_NEEDED = "information-needed", _("Information needed")
        APPOINTMENT = "appointment", _("Appointment")
        DECISION = "decision", _("Decision")

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not sent")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # The event that caused it; unique, so a sweep run twice queues nothing twice.
    event = models.OneToOneField(
        "cases.ApplicationEvent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notification",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(max_length=5)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    # Why it was not sent (state skipped): e.g. "no portal account", "no e-mail address".
    skipped_reason = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.application_id} ({self.state})"
