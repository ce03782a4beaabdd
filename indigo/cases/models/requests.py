"""Requests to the applicant for missing documents or information (Awb 4:5).

A request sets a repair period (hersteltermijn) and suspends the decision period
(Awb 4:15(1)(a)) from that day until the applicant answers or the period ends unused.
"""

from django.conf import settings
from django.db import models


class InformationRequest(models.Model):
    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="information_requests"
    )
    suspension = models.OneToOneField(
        "cases.Suspension", on_delete=models.PROTECT, related_name="information_request"
    )
    what = models.TextField(help_text="What the applicant must supply, in plain words.")
    until = models.DateField(help_text="Last day of the repair period (hersteltermijn).")
    language = models.CharField(max_length=5)
    message = models.TextField(help_text="The message as the applicant received it.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    answer = models.TextField(blank=True)
    expired_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Request on {self.application_id} until {self.until:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.expired_on is None
