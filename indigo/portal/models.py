"""What the applicant portal keeps of its own: drafts of applications, payments,
reports of accessibility problems, and the link to an OIDC identity.

The application itself, its documents and its history live in `cases` and `dossier`;
the portal only holds what exists before an application does.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """An application being filled in, saved at every step of the wizard.

    Kept on the server per person and product, so an ended session (or a closed
    browser) loses nothing: logging in again continues where the applicant was.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_drafts"
    )
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT, related_name="+")
    # {"personal": {...}, "questions": {fact name: stored value}}
    answers = models.JSONField(default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "product"], name="portal_one_draft_per_product")
        ]

    def __str__(self) -> str:
        return f"Draft {self.product_id} of user {self.user_id}"


class DraftDocument(models.Model):
    """A file uploaded in the wizard, checked like a dossier upload and kept aside
    until the application exists; then it goes into the dossier and this row goes."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="documents")
    document_type = models.ForeignKey(
        "catalog.DocumentType", on_delete=models.PROTECT, related_name="+"
    )
    stored_name = models.CharField(max_length=200)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "document_type"], name="portal_one_file_per_type_per_draft"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_type_id} for draft {self.draft_id}"


class Payment(models.Model):
    """The fee for an application, paid through the configured payment provider.

    The allowed changes of state are in `indigo.portal.payments.TRANSITIONS`.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Waiting for payment")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    reference = models.CharField(max_length=32, unique=True)  # ours; random, no personal data
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    draft = models.ForeignKey(
        Draft, on_delete=models.SET_NULL, null=True, blank=True, related_name="payments"
    )
    application = models.ForeignKey(
        "cases.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portal_payments",
    )
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT, related_name="+")
    amount_eur = models.DecimalField(max_digits=8, decimal_places=2)
    provider = models.CharField(max_length=200)
    provider_reference = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Payment {self.reference} ({self.state})"


class AccessibilityReport(models.Model):
    """A report of an accessibility problem (the statement's feedback route)."""

    page = models.CharField(_("page or part of the portal"), max_length=500, blank=True)
    description = models.TextField(_("what went wrong"))
    contact = models.CharField(_("how we can reach you"), max_length=254, blank=True)
    language = models.CharField(max_length=5)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField()
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"TG-{self.created_at:%Y}-{self.pk:05d}"


class ExternalIdentity(models.Model):
    """The OIDC subject an applicant account logs in with (indigo.portal.oidc)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_identity"
    )
    issuer = models.CharField(max_length=500)
    subject = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="portal_one_user_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"identity of user {self.user_id}"
