"""Objections (bezwaar) against a decision, with their hearing and outcome."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Objection(models.Model):
    class By(models.TextChoices):
        APPLICANT = "applicant", _("The applicant")
        REPRESENTATIVE = "representative", _("A representative")

    class Admissibility(models.TextChoices):
        PENDING = "", _("Not yet decided")
        ADMISSIBLE = "admissible", _("Admissible")
        # A late objection is registered and flagged, never silently refused (Awb 6:11).
        TO_DECIDE = "to-decide", _("Lodged late: decide on admissibility")

    class WaiverGround(models.TextChoices):
        """Awb 7:3: when the objector need not be heard."""

        MANIFESTLY_INADMISSIBLE = (
            "manifestly-inadmissible",
            _("The objection is manifestly inadmissible (Awb 7:3(a))"),
        )
        MANIFESTLY_UNFOUNDED = (
            "manifestly-unfounded",
            _("The objection is manifestly unfounded (Awb 7:3(b))"),
        )
        OBJECTOR_WAIVED = (
            "objector-waived",
            _("The objector said they do not want to be heard (Awb 7:3(c))"),
        )
        NO_RESPONSE = (
            "no-response",
            _(
                "The objector did not say within the period set whether they want to be heard "
                "(Awb 7:3(d))"
            ),
        )
        FULLY_GRANTED = (
            "fully-granted",
            _(
                "The objection is granted in full and no one else's interests are harmed "
                "(Awb 7:3(e))"
            ),
        )

    class Outcome(models.TextChoices):
        INADMISSIBLE = "inadmissible", _("Inadmissible")
        UNFOUNDED = "unfounded", _("Unfounded")
        PARTLY_WELL_FOUNDED = "partly-well-founded", _("Partly well-founded")
        WELL_FOUNDED = "well-founded", _("Well-founded")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="objections"
    )
    lodged_on = models.DateField(_("lodged on"))
    objection_period_ends = models.DateField(_("last day to object"))
    late = models.BooleanField(_("lodged late"), default=False)
    admissibility = models.CharField(
        max_length=20, choices=Admissibility.choices, blank=True, default=""
    )
    grounds = models.TextField(_("grounds"))
    by = models.CharField(max_length=20, choices=By.choices, default=By.APPLICANT)
    representative = models.CharField(_("representative"), max_length=200, blank=True)
    authorisation = models.CharField(
        _("authorisation"),
        max_length=300,
        blank=True,
        help_text=_("How the representative showed they may act (a signed authorisation)."),
    )
    advisory_committee = models.BooleanField(_("advisory committee (Awb 7:13)"), default=False)
    adjourned_on = models.DateField(null=True, blank=True)
    agreed_extra_weeks = models.PositiveIntegerField(default=0)
    decision_due = models.DateField(_("decision due"))
    hearing_on = models.DateField(_("hearing on"), null=True, blank=True)
    hearing_held_on = models.DateField(null=True, blank=True)
    minutes = models.ForeignKey(
        "dossier.Document", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hearing_waived = models.CharField(
        max_length=30, choices=WaiverGround.choices, blank=True, default=""
    )
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True, default="")
    decided_on = models.DateField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lodged_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(outcome=""),
                name="objections_one_open_per_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.lodged_on:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return not self.outcome
