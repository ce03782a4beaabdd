"""Questions to partner agencies, their attempts, and what partners ask of Indigo.

A `PartnerCall` is one question to a partner about an application (the BRP about the
sponsor, UWV and the Tax Administration about income, …), written in the same
transaction as the change that makes it necessary, with an outbox message that makes
the worker ask it. Every try is a `PartnerAttempt` (when, how long, what went wrong),
so a caseworker sees why a fact is still "waiting for partner", and managers see the
waiting time and failures per partner. `request_id` goes with every request to the
partner and with every fact the answer fills, so each fact can be traced to the
exchange it came from.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerCall(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting for partner")
        ANSWERED = "answered", _("Answered")

    partner = models.SlugField(max_length=40, help_text=_("The adapter's name, e.g. brp."))
    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="partner_calls"
    )
    request_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # What is asked about (e.g. {"bsn": …}); personal data, never shown outside the case.
    subject = models.JSONField(default=dict)
    # One call per partner, application and subject: planning twice changes nothing.
    key = models.CharField(max_length=200, unique=True)
    facts = models.JSONField(default=list, help_text=_("The facts the answer fills."))
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    requested_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    # What the answer said, as recorded (fact name -> value); empty while waiting.
    answer = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [
            models.Index(fields=["application", "state"]),
            models.Index(fields=["partner", "requested_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.request_id} ({self.state})"


class PartnerAttempt(models.Model):
    """One try of a call: answered, or failed (down, time-out, answer out of schema)."""

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("Answered")
        DOWN = "down", _("Partner unavailable")
        TIMEOUT = "timeout", _("No answer in time")
        INVALID = "invalid", _("Answer did not fit the agreed format")

    call = models.ForeignKey(PartnerCall, on_delete=models.CASCADE, related_name="tries")
    partner = models.SlugField(max_length=40)
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        indexes = [models.Index(fields=["partner", "outcome"])]

    def __str__(self) -> str:
        return f"{self.partner} {self.outcome} at {self.started_at:%Y-%m-%d %H:%M}"


class ResidenceQuestion(models.Model):
    """Every question a partner asked about someone's residence: who, why, and whether
    the person was found (the answer itself is not kept)."""

    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    asked_at = models.DateTimeField()
    v_number = models.CharField(max_length=10)
    purpose = models.CharField(max_length=300)
    found = models.BooleanField()

    class Meta:
        ordering = ["-asked_at", "-id"]

    def __str__(self) -> str:
        return f"{self.asked_by} asked at {self.asked_at:%Y-%m-%d %H:%M}"


class Subscription(models.Model):
    """A partner's subscription to what happens to applications, delivered as signed
    CloudEvents to its URL (see `indigo.partners.subscriptions`)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="subscriptions"
    )
    url = models.URLField(max_length=500)
    event_types = models.JSONField(default=list)
    # Optional narrowing, e.g. {"product": "family-partner"}.
    filters = models.JSONField(default=dict, blank=True)
    # The Standard Webhooks signing secret ("whsec_" + base64); shown once, at creation.
    secret = models.CharField(max_length=100)
    created_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_because = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["ended_at"])]

    def __str__(self) -> str:
        return f"{self.owner} -> {self.url}"

    @property
    def active(self) -> bool:
        return self.ended_at is None
