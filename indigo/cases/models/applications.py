"""Applications (aanvragen) and the people who make them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from indigo.catalog.models import Channel


class Status(models.TextChoices):
    """The one lifecycle every product goes through (see `indigo.cases.lifecycle`)."""

    RECEIVED = "received", _("Received")
    INTAKE = "intake", _("Intake")
    ASSESSMENT = "assessment", _("Assessment")
    DECISION = "decision", _("Decision")
    NOTIFIED = "notified", _("Notified")
    CLOSED = "closed", _("Closed")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    OBJECTION = "objection", _("Objection")


class Applicant(models.Model):
    """A person applying (aanvrager). Synthetic in the demo; never real data in tests."""

    given_names = models.CharField(_("given names"), max_length=200)
    surname = models.CharField(_("surname"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"))
    nationality = models.CharField(_("nationality (ISO 3166-1 alpha-3)"), max_length=3)
    v_number = models.CharField(_("V-number"), max_length=10, blank=True, db_index=True)
    language = models.CharField(
        _("language for messages"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language in which the applicant wants to hear from us."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applicant_profiles",
        help_text=_("The portal account of this person, if they have one."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            # Person search: surname (any case) with date of birth.
            models.Index(Upper("surname"), "date_of_birth", name="cases_applicant_name_dob"),
        ]

    def __str__(self) -> str:
        return f"{self.given_names} {self.surname}"


class Application(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT)
    product_version = models.ForeignKey(
        "catalog.ProductVersion",
        on_delete=models.PROTECT,
        help_text=_("The version in force on the receipt date; never changes afterwards."),
    )
    customer_group = models.ForeignKey(
        "catalog.CustomerGroup", on_delete=models.PROTECT, null=True, blank=True
    )
    applicant = models.ForeignKey(Applicant, on_delete=models.PROTECT, related_name="applications")
    # Asylum only: the procedure the application is decided in (algemene or verlengde
    # asielprocedure); the periods to appeal and to give a view depend on it (Vw 2000
    # art. 69; see indigo.catalog.remedies). Empty: not known, the shorter periods apply.
    asylum_procedure = models.CharField(
        _("asylum procedure"),
        max_length=20,
        blank=True,
        choices=[
            ("general", _("General asylum procedure")),
            ("extended", _("Extended asylum procedure")),
        ],
    )
    received_on = models.DateField(_("received on"))
    # How it reached us (catalog.Channel: online, post, desk, sponsor portal, …).
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    # Where a suspended application resumes (the status it had when suspended).
    resume_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    decision_due = models.DateField(_("decision due"))
    extended_on = models.DateField(null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    notified_on = models.DateField(null=True, blank=True)
    # Bezwaar: the last day to object, fixed when an objection is lodged (Awb 6:7, 6:8).
    objection_period_ends = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["status", "decision_due"]),
            models.Index(fields=["product", "status"]),
            models.Index(fields=["decision_due"]),
            models.Index(fields=["-received_on", "-id"], name="cases_app_recent_first"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_extended(self) -> bool:
        return self.extended_on is not None


class Suspension(models.Model):
    """A suspension (opschorting) of the decision period, Awb 4:15.

    Counted in days from `start` to `end`; while `end` is open the period keeps
    growing until `planned_end` (the end of the repair period, hersteltermijn) or today.
    """

    class Kind(models.TextChoices):
        REPAIR = "repair", _("Waiting for the applicant (hersteltermijn, Awb 4:15(1)(a))")
        FOREIGN_AUTHORITY = (
            "foreign-authority",
            _("Waiting for a foreign authority (Awb 4:15(1)(b))"),
        )
        AGREED = "agreed", _("Agreed with the applicant in writing (Awb 4:15(2)(a))")
        APPLICANT_DELAY = "applicant-delay", _("Delay caused by the applicant (Awb 4:15(2)(b))")
        FORCE_MAJEURE = "force-majeure", _("Force majeure (Awb 4:15(2)(c))")

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="suspensions"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.REPAIR)
    start = models.DateField()
    planned_end = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    reason = models.TextField()

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="cases_suspension_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(end__isnull=True),
                name="cases_one_open_suspension",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.start:%Y-%m-%d}"
