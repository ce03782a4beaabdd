"""The electronic dossier (R3): every document stored once, with type, checksum,
provenance, and a record of who opened it."""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from indigo.dossier.storage import dossier_storage


class Source(models.TextChoices):
    """Provenance: who supplied the document (not who pressed upload)."""

    APPLICANT = "applicant", _("Applicant")
    STAFF = "staff", _("Staff")
    SPONSOR = "sponsor", _("Sponsor")
    PARTNER = "partner", _("Partner agency")


class Document(models.Model):
    """One version of one document type in an application's dossier.

    A new upload of the same type is the next version; earlier versions are kept.
    """

    application = models.ForeignKey(
        "cases.Application", on_delete=models.PROTECT, related_name="documents"
    )
    document_type = models.ForeignKey(
        "catalog.DocumentType", on_delete=models.PROTECT, related_name="documents"
    )
    version = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    file = models.FileField(storage=dossier_storage, max_length=200)
    original_name = models.CharField(
        _("original file name"),
        max_length=255,
        blank=True,
        help_text=_("As the uploader named it; metadata only, never used to store or serve."),
    )
    content_type = models.CharField(
        max_length=100, help_text=_("Detected from the content, not from the upload.")
    )
    size_bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, validators=[RegexValidator(r"^[0-9a-f]{64}\Z")])
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    source = models.CharField(max_length=20, choices=Source.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "document_type", "version"],
                name="dossier_one_document_per_type_version",
            ),
            models.CheckConstraint(
                condition=models.Q(version__gte=1), name="dossier_version_from_one"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_type.code} v{self.version}"


class DocumentAccess(models.Model):
    """Who opened which document, when, and why (append-only: see apps.py)."""

    class Kind(models.TextChoices):
        VIEW = "view", _("Viewed")
        DOWNLOAD = "download", _("Downloaded")

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    context = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "document accesses"
        indexes = [models.Index(fields=["document", "at"], name="dossier_access_document_at")]

    def __str__(self) -> str:
        return f"{self.kind} of {self.document_id} by {self.user_id} at {self.at:%Y-%m-%d %H:%M}"
