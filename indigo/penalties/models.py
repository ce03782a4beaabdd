"""Notices of default (ingebrekestelling) and penalties set by a court."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeOfDefault(models.Model):
    """A written notice of default (ingebrekestelling, Awb 4:17(3)), as received.

    `period_ends` is the last day of the decision period when the notice came in; a
    notice received on or before it is `premature`: registered, but it starts no
    penalty (the applicant has to send a new one).
    """

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="notices_of_default"
    )
    received_on = models.DateField(_("received on"))
    period_ends = models.DateField(_("decision period ended on"))
    premature = models.BooleanField(_("received before the period passed"), default=False)
    sender = models.CharField(_("sent by"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]
        indexes = [models.Index(fields=["premature", "received_on"])]

    def __str__(self) -> str:
        return f"{self.application} {self.received_on:%Y-%m-%d}"


class CourtPenalty(models.Model):
    """A penalty a court attached to its order to decide (rechterlijke dwangsom)."""

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="court_penalties"
    )
    court = models.CharField(_("court"), max_length=200)
    case_number = models.CharField(_("case number"), max_length=60, blank=True)
    judgment_on = models.DateField(_("judgment on"))
    decide_by = models.DateField(_("decide by"))
    eur_per_day = models.DecimalField(_("amount per day (EUR)"), max_digits=8, decimal_places=2)
    max_total_eur = models.DecimalField(_("maximum (EUR)"), max_digits=10, decimal_places=2)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decide_by", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eur_per_day__gt=0) & models.Q(max_total_eur__gt=0),
                name="penalties_court_amounts_positive",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.court} {self.case_number}"
