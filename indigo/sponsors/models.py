"""Recognised sponsors (erkend referenten) as accounts of the agency (R11).

A sponsor is an organisation with users. It applies on behalf of migrants who have
authorised it (machtiging), vouches for them, and reports the changes it must report
(informatieplicht). Its users see only their own organisation's applications (see
`indigo.cases.access`).
"""

import hashlib
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.cases.models.events import AppendOnlyError
from indigo.sponsors.categories import Category, ChangeKind

KVK_NUMBER = RegexValidator(
    r"^\d{8}$", _("A KvK number has exactly 8 digits, for example 12345678.")
)


class Sponsor(models.Model):
    """An organisation registered with the Chamber of Commerce (KvK), recognised per
    category (Vw 2000 art. 2a; withdrawal: art. 2g)."""

    name = models.CharField(_("name"), max_length=150)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, unique=True, validators=[KVK_NUMBER]
    )
    categories = models.JSONField(
        _("recognised for"),
        default=list,
        help_text=_(
            'A list of categories of recognition, for example ["study", "work"]. '
            "Possible: study, exchange, research, work."
        ),
    )
    recognised_since = models.DateField(_("recognised since"))
    recognition_withdrawn_on = models.DateField(
        _("recognition withdrawn on"),
        null=True,
        blank=True,
        help_text=_("From this day the sponsor can no longer apply or vouch."),
    )
    contact_email = models.EmailField(_("contact e-mail"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("recognised sponsor")
        verbose_name_plural = _("recognised sponsors")

    def __str__(self) -> str:
        return f"{self.name} (KvK {self.kvk_number})"

    def clean(self) -> None:
        unknown = [c for c in self.categories or [] if c not in Category.values]
        if not self.categories or unknown or not isinstance(self.categories, list):
            raise ValidationError(
                {
                    "categories": _("Give a list of one or more of: %(categories)s.")
                    % {"categories": ", ".join(Category.values)}
                }
            )
        withdrawn = self.recognition_withdrawn_on
        if withdrawn and self.recognised_since and withdrawn < self.recognised_since:
            raise ValidationError(
                {"recognition_withdrawn_on": _("Recognition cannot end before it started.")}
            )

    def is_recognised_on(self, day: date) -> bool:
        withdrawn = self.recognition_withdrawn_on
        return self.recognised_since <= day and (withdrawn is None or day < withdrawn)

    def category_labels(self) -> list[str]:
        return [str(Category(c).label) for c in self.categories if c in Category.values]


class SponsorUser(models.Model):
    """A person who works for the sponsor in Indigo (also needs the role `sponsor`)."""

    sponsor = models.ForeignKey(Sponsor, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sponsor_memberships"
    )

    class Meta:
        verbose_name = _("sponsor user")
        verbose_name_plural = _("sponsor users")
        constraints = [
            models.UniqueConstraint(fields=["sponsor", "user"], name="sponsors_user_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.sponsor.name}"


class Authorisation(models.Model):
    """The migrant authorised the sponsor to apply for this product (machtiging)."""

    applicant = models.ForeignKey(
        "cases.Applicant", on_delete=models.PROTECT, related_name="sponsor_authorisations"
    )
    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="authorisations")
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(_("given on"))
    how = models.CharField(
        _("how it was given"), max_length=200, help_text=_("For example: signed form")
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("authorisation")
        verbose_name_plural = _("authorisations")
        indexes = [models.Index(fields=["sponsor", "applicant", "product"])]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.sponsor.name} ({self.given_on:%Y-%m-%d})"


ONCE_A_DAY = "sponsors_one_filing_per_person_product_day"


def person_key(*, given_names: str, surname: str, date_of_birth) -> str:
    """The same person, however the names were capitalised or spaced."""
    names = " ".join(f"{given_names}|{surname}".split()).casefold()
    return hashlib.sha256(f"{names}|{date_of_birth.isoformat()}".encode()).hexdigest()


class SponsoredApplication(models.Model):
    """The application was filed by this sponsor; the link decides who may see it."""

    application = models.OneToOneField(
        "cases.Application", on_delete=models.PROTECT, related_name="sponsorship"
    )
    sponsor = models.ForeignKey(
        Sponsor, on_delete=models.PROTECT, related_name="sponsored_applications"
    )
    authorisation = models.ForeignKey(Authorisation, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    # Once per sponsor, product, person and day, decided by the database (issue 9: four
    # parallel uploads of one CSV filed rows twice past the read-then-write check).
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.PROTECT, null=True, related_name="+"
    )
    person_key = models.CharField(max_length=64, null=True)  # noqa: DJ001 (NULL: older rows never collide)
    filed_on = models.DateField(null=True)

    class Meta:
        verbose_name = _("sponsored application")
        verbose_name_plural = _("sponsored applications")
        indexes = [models.Index(fields=["sponsor", "application"])]
        constraints = [
            models.UniqueConstraint(
                fields=["sponsor", "product", "person_key", "filed_on"],
                name=ONCE_A_DAY,
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} by {self.sponsor.name}"


class ChangeReport(models.Model):
    """A change the sponsor reported (informatieplicht). Append-only: a correction is
    a new report."""

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="sponsor_change_reports"
    )
    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="change_reports")
    kind = models.CharField(_("what changed"), max_length=30, choices=ChangeKind.choices)
    on = models.DateField(_("the day of the change"))
    details = models.TextField(_("details"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField()
    # The duty as it stood on the day of the change (rule parameter, in weeks); null
    # when no figure is in force then, and so no judgement on timeliness is possible.
    duty_weeks = models.PositiveSmallIntegerField(null=True)
    report_by = models.DateField(null=True)
    within_duty = models.BooleanField(null=True)

    class Meta:
        ordering = ["-reported_at", "-id"]
        verbose_name = _("change report")
        verbose_name_plural = _("change reports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        # The database trigger is the guarantee; this only gives a clearer error earlier.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("Change reports are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Change reports are append-only and cannot be deleted.")


class BulkUpload(models.Model):
    """A CSV file of applications, filed row by row by the worker (it can take minutes).

    The file is kept as text until it is filed; the report (per row: filed, skipped or
    what to correct) replaces the need for it afterwards.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Filing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Could not be filed")

    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="uploads")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(max_length=255, blank=True)
    # The report's messages are written in the uploader's language.
    language = models.CharField(max_length=5, default="en")
    content = models.TextField(blank=True, help_text=_("Emptied once the file is filed."))
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name or 'upload'} ({self.get_state_display()})"
