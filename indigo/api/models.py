"""What the API keeps between requests: the answers to idempotent POSTs."""

from django.conf import settings
from django.db import models


class IdempotentRequest(models.Model):
    """A POST made with an `Idempotency-Key`: the same key and body get this answer
    again instead of being carried out twice (a client retrying after a time-out)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # SHA-256 of the method, the path and the body: the same key with another request
    # is a client's mistake, answered 409.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True)  # null: still being carried out
    body = models.TextField(blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_key_once")
        ]
        indexes = [models.Index(fields=["created_at"], name="api_idempotency_created")]

    def __str__(self) -> str:
        return f"{self.key} ({self.status or 'in progress'})"
