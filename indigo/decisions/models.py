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
    # The intended refusal (voornemen) this decision follows, and its answer to the
    # applicant's written view (zienswijze), in the applicant's language.
    intention = models.ForeignKey(
        "decisions.Intention", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    view_answer = models.TextField(_("answer to the written view"), blank=True)

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


class Intention(models.Model):
    """An intended refusal (voornemen) sent to the applicant, who may give a written
    view (zienswijze) within its period before the decision is taken.

    Required before every asylum refusal (Vw 2000 art. 39) and before a regular refusal
    that rests on information the applicant did not provide (Awb 4:7 and 4:8); see
    ``indigo.catalog.remedies.intention_rule_for``. The application waits for the view
    (events ``intention-sent`` and ``view-received``); the decision answers it.
    """

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="intentions"
    )
    findings = models.JSONField(encoder=DjangoJSONEncoder, default=list)
    grounds = models.TextField(
        _("grounds"), help_text=_("Why we intend to refuse, to the applicant.")
    )
    required_by = models.CharField(max_length=300, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_on = models.DateField(_("sent on"))
    view_due = models.DateField(_("view due"))
    view_received_on = models.DateField(_("view received on"), null=True, blank=True)
    view_text = models.TextField(_("written view"), blank=True)
    letter = models.ForeignKey(
        "dossier.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "-sent_on", "-id"]

    def __str__(self) -> str:
        return f"intention on {self.application_id} of {self.sent_on}"

    def view_period_over(self, today) -> bool:
        return self.view_received_on is not None or today > self.view_due
