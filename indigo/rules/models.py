"""Rule parameters (law as data) and the facts rules are applied to."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indigo.errors import InvalidInput
from indigo.lawdata.models import LawDated
from indigo.rules.parameter_file import parameter_value_clean
from indigo.rules.parameter_keys import PARAMETER_KEYS


class Parameter(LawDated):
    """A value the law sets (threshold, age, amount, number of years), by date.

    The value in force on a date is the one with the latest `valid_from` on or before
    it. `value` is null where the research found no figure: a functional administrator
    must enter it, and until then rules that need it ask for the caseworker's judgement.
    """

    key = models.SlugField(max_length=80)
    value = models.JSONField(
        null=True,
        blank=True,
        help_text=_(
            'EUR amounts as text with two decimals ("5942.00"), ages, years, months and '
            "weeks as whole numbers; null where no figure was found."
        ),
    )
    unit = models.CharField(max_length=30, help_text=_("e.g. EUR/month, years, age"))
    verified = models.BooleanField(default=False)
    source = models.TextField()
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    series_fields = ("key",)

    class Meta:
        ordering = ["key", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["key", "valid_from"], name="rules_parameter_once")
        ]

    def __str__(self) -> str:
        return f"{self.key} from {self.valid_from:%Y-%m-%d}"

    def clean(self) -> None:
        """The same rules as the parameter file (for edits in the admin)."""
        declared = PARAMETER_KEYS.get(self.key)
        if declared is None:
            raise ValidationError({"key": _("No rule reads a parameter with this key.")})
        if self.unit != declared.unit:
            raise ValidationError(
                {
                    "unit": _("The unit of %(key)s is %(unit)s.")
                    % {"key": self.key, "unit": declared.unit}
                }
            )
        if not (self.source or "").strip():
            raise ValidationError({"source": _("Cite where the value comes from.")})
        try:
            self.value = parameter_value_clean(key=self.key, unit=self.unit, value=self.value)
        except InvalidInput as exc:
            raise ValidationError({"value": exc.message}) from exc
        if self.value is None and self.verified:
            raise ValidationError({"verified": _("A missing value cannot be verified.")})


class Fact(models.Model):
    """Something known about an application, with where it came from.

    Facts are never changed: a correction is a newer fact with the same name, and the
    newest one counts. So every finding can show exactly which facts it used.
    """

    class Source(models.TextChoices):
        APPLICANT = "applicant", _("the applicant")
        SPONSOR = "sponsor", _("the sponsor")
        PARTNER = "partner", _("a partner agency")
        CASEWORKER = "caseworker", _("the caseworker")

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="facts"
    )
    name = models.SlugField(max_length=80)
    value = models.JSONField()
    source = models.CharField(max_length=20, choices=Source.choices)
    source_detail = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. 'BRP', 'UWV polisadministratie'")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["application", "name", "-recorded_at", "-id"]
        indexes = [models.Index(fields=["application", "name", "-recorded_at"])]

    def __str__(self) -> str:
        return f"{self.name}={self.value!r}"
