"""Who looked at which application, when, and from where (R3: who saw what)."""

from django.conf import settings
from django.db import models


class ApplicationView(models.Model):
    """One view of an application by a member of staff. Append-only."""

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="views"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    # Where the view happened, e.g. "staff:application-detail" or "api:applications_retrieve".
    context = models.CharField(max_length=120)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["application", "-at"])]

    def __str__(self) -> str:
        return f"{self.user} viewed {self.application_id} at {self.at:%Y-%m-%d %H:%M}"
