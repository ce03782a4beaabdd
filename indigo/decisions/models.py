"""The caseworker's decision (besluit) on an application, and what it rested on.

The rules propose; a person decides (R10, "ja, mits"). A decision keeps a snapshot of
the findings as they were when it was taken, so the letter and a later review read
what the caseworker saw, not what the rules say today.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Decision(models.Model):
    """One decision on an application; a new one sets aside the one not yet notified.

    Open: not notified and not set aside; an application has at most one. A refusal
    needs a second caseworker's approval (vier-ogenprincipe) before it is final.
    """

    class Outcome(models.TextChoices):
        GRANT = "grant", _("Grant")
        REFUSE = "refuse", _("Refuse")
        GRANT_DIFFERENTLY = "grant-differently", _("Grant differently")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="decisions"
    )
    # The findings when the decision was taken: condition, outcome, explanations, the
    # facts used with their source, legal basis (see indigo.rules.findings).
    findings = models.JSONField(encoder=DjangoJSONEncoder, default=list)
    proposal = models.CharField(_("proposal"), max_length=30)
    outcome = models.CharField(_("decision"), max_length=30, choices=Outcome.choices)
    motivation = models.TextField(_("motivation"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    needs_approval = models.BooleanField(default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    validity_basis = models.TextField(blank=True)
    fast_track = models.BooleanField(default=False)
    letter = models.ForeignKey(
        "dossier.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notified_on = models.DateField(null=True, blank=True)
    # Replaced by a newer decision, or the assessment was reopened, before notification.
    set_aside_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "-decided_at", "-id"]
        indexes = [models.Index(fields=["application", "-decided_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=["grant", "refuse", "grant-differently"]),
                name="decisions_known_outcome",
            ),
            # Four eyes, also in the database: nobody approves their own decision.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("decided_by")),
                name="decisions_approved_by_another",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(notified_on__isnull=True, set_aside_at__isnull=True),
                name="decisions_one_open_per_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome} on {self.application_id} by {self.decided_by_id}"

    @property
    def is_grant(self) -> bool:
        return self.outcome != self.Outcome.REFUSE

    @property
    def awaits_approval(self) -> bool:
        return self.needs_approval and self.approved_at is None

    @property
    def is_final(self) -> bool:
        """May be notified: a grant, or a refusal a second caseworker approved."""
        return not self.awaits_approval
