"""Misuse signals: an explained reason to have a specialist look at an application.

A signal is not a decision and not a score. It says what was seen (in plain words,
with the numbers) and on what it rests (the evidence), and routes the application to
a specialist's integrity review, who confirms or dismisses it with a note.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Signal(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT_FALSE = "document-false", _("Document reported false by document examination")
        SHARED_TRAVEL_DOCUMENT = (
            "shared-travel-document",
            _("Travel document number used by another identity"),
        )
        SPONSOR_REFUSAL_SHARE = (
            "sponsor-refusal-share",
            _("Sponsor with an unusual share of refused or withdrawn applications"),
        )
        ADDRESS_CROWDING = "address-crowding", _("Many registrations on one address")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CONFIRMED = "confirmed", _("Confirmed by a specialist")
        DISMISSED = "dismissed", _("Dismissed by a specialist")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="misuse_signals"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    reason_en = models.TextField()
    reason_nl = models.TextField()
    # The ids, values and counts the signal rests on; never nationality.
    evidence = models.JSONField(default=dict)
    detected_at = models.DateTimeField()
    task = models.ForeignKey(
        "work.Task",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The specialist's integrity review this signal routed the application to."),
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-detected_at", "-id"]
        indexes = [models.Index(fields=["application", "kind"], name="misuse_signal_app_kind")]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"],
                condition=Q(status="open"),
                name="misuse_one_open_signal_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.application_id}"
