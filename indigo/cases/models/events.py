"""The append-only history of every application.

Rows are written in the same transaction as the change they record. The database
refuses UPDATE and DELETE on this table (triggers installed after every migrate by
`indigo.append_only`), so neither the ORM, the admin nor the API can rewrite history.
The kind of event (`action`) is one of `indigo.cases.event_kinds.EventKind`; the
database refuses any other value too.
"""

from django.conf import settings
from django.db import models

from indigo.cases.event_kinds import EventKind


class AppendOnlyError(Exception):
    pass


class ApplicationEvent(models.Model):
    # No index of its own: the (application, occurred_at) index below serves the same
    # lookups, and every event written maintains one index less.
    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="events", db_index=False
    )
    occurred_at = models.DateTimeField(help_text="When the event was recorded.")
    effective_on = models.DateField(help_text="The day it happened (may be earlier: paper).")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(max_length=40, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    payload = models.JSONField(default=dict, blank=True)
    # The hash chain (indigo.audit.chain): one chain per application.
    content_hash = models.CharField(max_length=64, editable=False, default="")
    chain_hash = models.CharField(max_length=64, editable=False, default="")
    # Set when retention anonymised the reason and payload (the hashes stay).
    redacted_at = models.DateTimeField(null=True, blank=True, editable=False)

    CHAIN_PREFIX = "event:"
    CHAIN_ORDERING = ("application_id", "id")

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [models.Index(fields=["application", "occurred_at"])]
        constraints = [
            # Adding a kind to the vocabulary is a migration: history only holds known kinds.
            models.CheckConstraint(
                condition=models.Q(action__in=EventKind.values), name="cases_event_known_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} on {self.effective_on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        # The trigger is the guarantee; this only gives a clearer error earlier.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("Application events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Application events are append-only and cannot be deleted.")

    def chain_key(self) -> str:
        return f"{self.CHAIN_PREFIX}{self.application_id}"

    def chain_content(self) -> dict:
        return {
            "application_id": self.application_id,
            "occurred_at": self.occurred_at,
            "effective_on": self.effective_on,
            "actor_id": self.actor_id,
            "action": self.action,
            "from_status": self.from_status,
            "to_status": self.to_status,
            "reason": self.reason,
            "payload": self.payload,
        }
