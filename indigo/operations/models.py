from django.db import models


class RecentWriter(models.Model):
    """A client (by a hash of its session or API token) that changed something lately:
    for a while its reads go to the primary, so it sees what it did (read your writes)."""

    key = models.CharField(max_length=64, primary_key=True)
    wrote_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.key[:8]}… wrote at {self.wrote_at:%H:%M:%S}"
