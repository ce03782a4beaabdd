"""Complaints (klachten, Awb chapter 9) about how the agency treated someone."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Complaint(models.Model):
    class Category(models.TextChoices):
        HANDLING_TIME = "handling-time", _("Handling time")
        INFORMATION = "information", _("Information")
        PROMISE_NOT_KEPT = "promise-not-kept", _("Promise not kept")
        TREATMENT = "treatment", _("Treatment")
        OTHER = "other", _("Other")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("Portal")
        CONTACT_CENTRE = "contact-centre", _("Contact centre")
        DESK = "desk", _("Desk")
        API = "api", _("API")
        POST = "post", _("Post")

    class Hearing(models.TextChoices):
        NOT_OFFERED = "", _("Not offered yet")
        OFFERED = "offered", _("Offered")
        HELD = "held", _("Held")
        DECLINED = "declined", _("Declined by the complainant")

    class Outcome(models.TextChoices):
        WELL_FOUNDED = "well-founded", _("Well-founded")
        PARTLY_WELL_FOUNDED = "partly-well-founded", _("Partly well-founded")
        UNFOUNDED = "unfounded", _("Unfounded")
        WITHDRAWN = "withdrawn", _("Withdrawn or resolved informally")

    category = models.CharField(max_length=20, choices=Category.choices)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    description = models.TextField(_("complaint"))
    application = models.ForeignKey(
        "cases.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
    )
    complainant_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    language = models.CharField(max_length=5, choices=settings.LANGUAGES, default="nl")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        help_text=_("The portal account that lodged it, if any."),
    )
    received_on = models.DateField(_("received on"))
    acknowledged_on = models.DateField(null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_complaints",
    )
    advisory_committee = models.BooleanField(_("advisory committee (Awb 9.1.3)"), default=False)
    extended_on = models.DateField(null=True, blank=True)
    agreed_weeks = models.PositiveIntegerField(default=0)
    answer_due = models.DateField(_("answer due"))
    hearing = models.CharField(max_length=10, choices=Hearing.choices, blank=True, default="")
    answered_on = models.DateField(null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, default="")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["answer_due", "id"]
        indexes = [models.Index(fields=["answered_on", "answer_due"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="", phone="", postal_address=""),
                name="complaints_a_way_to_answer",
            )
        ]

    def __str__(self) -> str:
        return f"K-{self.pk}"

    @property
    def number(self) -> str:
        return f"K-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.answered_on is None


class ComplaintEvent(models.Model):
    """The history of a complaint, append-only (a complaint linked to an application
    also writes its receipt and answer on the application's own history)."""

    class Kind(models.TextChoices):
        LODGED = "lodged", _("Complaint received")
        ACKNOWLEDGED = "acknowledged", _("Receipt confirmed in writing")
        ASSIGNED = "assigned", _("Complaints handler assigned")
        HEARING = "hearing", _("Hearing")
        EXTENDED = "extended", _("Answer postponed")
        ANSWERED = "answered", _("Answered in writing")

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint} {self.kind}"
