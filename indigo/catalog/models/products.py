"""Products and their law-dated versions.

A product (e.g. `study`) is stable; everything the law says about it lives on a
`ProductVersion` with a `valid_from` date. The version in force on a date is the one
with the latest `valid_from` on or before it, so `valid_to` is derived (the day before
the next version starts) and versions can never overlap (`indigo.lawdata`). An
application is pinned to the version in force on its receipt date.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from indigo.deadlines.periods import Period, PeriodUnit
from indigo.lawdata.models import LawDated


class Process(models.TextChoices):
    ASYLUM = "asylum", _("Asylum")
    NATURALISATION = "naturalisation", _("Naturalisation")
    REGULAR_SOCIAL = "regular-social", _("Family and other social purposes")
    REGULAR_ECONOMIC = "regular-economic", _("Work and study")


PERIOD_UNITS = [(u.value, u.value) for u in PeriodUnit]


class Channel(models.TextChoices):
    """Ways a customer group can hand in an application."""

    ONLINE = "online", _("Online")
    POST = "post", _("Post")
    DESK = "desk", _("IND desk")
    SPONSOR_PORTAL = "sponsor-portal", _("Business Portal (recognised sponsors)")
    MUNICIPALITY = "municipality", _("Municipality")
    APPLICATION_CENTRE = "application-centre", _("Asylum application centre")


class BilingualNameMixin(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_nl if (get_language() or "en").startswith("nl") else self.name_en


class DocumentType(BilingualNameMixin):
    """A kind of document in the dossier; the code is stable (e.g. `passport`)."""

    code = models.SlugField(max_length=60, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]


class Product(BilingualNameMixin):
    code = models.SlugField(max_length=60, unique=True)
    process = models.CharField(max_length=30, choices=Process.choices)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Its applications are seen only by the units that handle its process and by "
            "staff with a task on the application (set in the catalog file)."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["process", "code"]


class ProductVersion(LawDated):
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="versions")
    legal_basis = models.TextField(_("legal basis"))
    decision_period_value = models.PositiveIntegerField(_("decision period"))
    decision_period_unit = models.CharField(max_length=10, choices=PERIOD_UNITS)
    decision_period_source = models.TextField(_("source of the decision period"))
    extension_value = models.PositiveIntegerField(_("extension"), null=True, blank=True)
    extension_unit = models.CharField(max_length=10, choices=PERIOD_UNITS, blank=True)
    extension_legal_basis = models.TextField(_("legal basis of the extension"), blank=True)
    fee_eur = models.DecimalField(_("fee (EUR)"), max_digits=8, decimal_places=2)
    fee_source = models.TextField(_("source of the fee"))
    # False until a functional administrator has checked the amount against its source;
    # the catalog system checks warn about every unverified fee.
    fee_verified = models.BooleanField(_("fee verified"), default=False)
    # Bezwaar: Vw 2000 art. 69(1) (4 weeks to object); Awb 7:10 (6 weeks to decide).
    objection_period_value = models.PositiveIntegerField(default=4)
    objection_period_unit = models.CharField(max_length=10, choices=PERIOD_UNITS, default="weeks")
    objection_period_source = models.TextField(_("source of the objection period"), blank=True)
    objection_decision_value = models.PositiveIntegerField(default=6)
    objection_decision_unit = models.CharField(max_length=10, choices=PERIOD_UNITS, default="weeks")
    objection_decision_source = models.TextField(
        _("source of the period to decide on an objection"), blank=True
    )
    notes = models.TextField(blank=True)
    document_types = models.ManyToManyField(
        DocumentType, through="VersionDocumentType", related_name="product_versions"
    )
    history = HistoricalRecords()

    series_fields = ("product",)

    class Meta:
        ordering = ["product__code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "valid_from"], name="catalog_one_version_per_start_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.code} from {self.valid_from:%Y-%m-%d}"

    @property
    def fee_if_known(self):
        """The fee, or None when it is not known (0.00 and not verified: never free)."""
        return None if self.fee_eur <= 0 and not self.fee_verified else self.fee_eur

    @property
    def decision_period(self) -> Period:
        return Period(self.decision_period_value, PeriodUnit(self.decision_period_unit))

    @property
    def extension(self) -> Period | None:
        if self.extension_value is None:
            return None
        return Period(self.extension_value, PeriodUnit(self.extension_unit))

    @property
    def objection_period(self) -> Period:
        return Period(self.objection_period_value, PeriodUnit(self.objection_period_unit))

    @property
    def objection_decision_period(self) -> Period:
        return Period(self.objection_decision_value, PeriodUnit(self.objection_decision_unit))


class VersionDocumentType(models.Model):
    version = models.ForeignKey(ProductVersion, on_delete=models.CASCADE)
    document_type = models.ForeignKey(DocumentType, on_delete=models.PROTECT)
    required = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "document_type"], name="catalog_document_type_once_per_version"
            ),
        ]

    def __str__(self) -> str:
        need = "required" if self.required else "optional"
        return f"{self.document_type.code} ({need})"


class CustomerGroup(BilingualNameMixin):
    """A service-customer combination (dienst-klantcombinatie, DKC) of a product version.

    The norm throughput time is a service promise, not the statutory decision period.
    """

    version = models.ForeignKey(
        ProductVersion, on_delete=models.CASCADE, related_name="customer_groups"
    )
    code = models.SlugField(max_length=60)
    channels = models.JSONField(default=list)
    languages = models.JSONField(default=list)
    norm_value = models.PositiveIntegerField(_("norm throughput time"))
    norm_unit = models.CharField(max_length=10, choices=PERIOD_UNITS)
    norm_source = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="catalog_customer_group_once_per_version"
            ),
        ]

    @property
    def norm(self) -> Period:
        return Period(self.norm_value, PeriodUnit(self.norm_unit))
