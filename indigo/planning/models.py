"""A simulation asked for on the planning screen, run by the worker with its progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SimulationRun(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    name = models.CharField(max_length=200)
    scenario = models.TextField(help_text=_("The scenario as YAML."))
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text=_("Percent done."))
    figures = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.state})"


class ForecastSnapshot(models.Model):
    """The personal forecast as shown on a day, kept to measure its accuracy later."""

    application = models.ForeignKey("cases.Application", on_delete=models.CASCADE, related_name="+")
    made_on = models.DateField()
    low = models.DateField()
    high = models.DateField()
    position = models.PositiveIntegerField(help_text=_("Applications ahead in the queue."))
    per_week = models.FloatField(help_text=_("The queue's recent output per week."))

    class Meta:
        ordering = ["application", "made_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "made_on"], name="planning_one_forecast_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"forecast for {self.application_id} on {self.made_on}: {self.low} to {self.high}"
