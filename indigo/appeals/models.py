"""Appeals to the court (beroep) and higher appeals (hoger beroep) against a decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Appeal(models.Model):
    class Level(models.TextChoices):
        APPEAL = "appeal", _("Appeal (beroep) at the district court")
        HIGHER_APPEAL = "higher-appeal", _("Higher appeal (hoger beroep) at the Council of State")

    class MeasureOutcome(models.TextChoices):
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Outcome(models.TextChoices):
        WELL_FOUNDED = "well-founded", _("Well-founded: the decision is annulled")
        UNFOUNDED = "unfounded", _("Unfounded: the decision stands")
        INADMISSIBLE = "inadmissible", _("Inadmissible")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="appeals"
    )
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.APPEAL)
    court = models.CharField(_("court"), max_length=200)
    case_number = models.CharField(_("case number"), max_length=60, blank=True)
    lodged_on = models.DateField(_("lodged on"))
    hearing_on = models.DateField(_("court hearing on"), null=True, blank=True)
    process_representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who represents the agency in court (procesvertegenwoordiger)."),
    )
    measure_requested_on = models.DateField(
        _("provisional measure requested on"), null=True, blank=True
    )
    measure_outcome = models.CharField(
        max_length=20, choices=MeasureOutcome.choices, blank=True, default=""
    )
    measure_decided_on = models.DateField(null=True, blank=True)
    judgment_on = models.DateField(_("judgment on"), null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, default="")
    new_decision_by = models.DateField(_("new decision by"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["lodged_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hearing_on__isnull=True)
                | models.Q(hearing_on__gte=models.F("lodged_on")),
                name="appeals_hearing_after_lodging",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.court} {self.case_number}"

    @property
    def is_open(self) -> bool:
        return not self.outcome
