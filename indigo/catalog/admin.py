"""Admin of the product catalog, for functional administrators.

Every change to the law is kept in history (simple_history). A version that
applications are pinned to shows its law (dates, periods, fee, documents) read-only:
new law is a new version with a new valid_from. Its task definitions stay editable:
they are operational, not law, and have no history.
"""

from django.contrib import admin
from django.db import models
from django.forms import Textarea
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from indigo.catalog.models import (
    CustomerGroup,
    DocumentType,
    Product,
    ProductVersion,
    TaskDefinition,
    VersionDocumentType,
)
from indigo.catalog.selectors import pinned_version_ids
from indigo.catalog.services import LAW_FIELDS
from indigo.lawdata.admin import ValidToColumn


def _is_pinned(version: ProductVersion | None) -> bool:
    if version is None or version.pk is None:
        return False
    return bool(pinned_version_ids(versions=ProductVersion.objects.filter(pk=version.pk)))


class VersionColumns(ValidToColumn):
    """Derived, read-only columns shared by the version list and the product's inline."""

    @admin.display(description=_("decision period"))
    def decision_period(self, version: ProductVersion):
        return str(version.decision_period)

    @admin.display(description=_("extension"))
    def extension(self, version: ProductVersion):
        return str(version.extension) if version.extension else "—"


class ProductVersionInline(VersionColumns, admin.TabularInline):
    model = ProductVersion
    fields = [
        "valid_from",
        "valid_to_shown",
        "decision_period",
        "extension",
        "fee_eur",
        "fee_verified",
    ]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_en", "name_nl", "process", "confidential"]
    list_filter = ["process", "confidential"]
    search_fields = ["code", "name_en", "name_nl"]
    inlines = [ProductVersionInline]


@admin.register(DocumentType)
class DocumentTypeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_en", "name_nl"]
    search_fields = ["code", "name_en", "name_nl"]


class VersionDocumentTypeInline(admin.TabularInline):
    model = VersionDocumentType
    extra = 0

    def has_add_permission(self, request, obj=None):
        return not _is_pinned(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _is_pinned(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _is_pinned(obj) and super().has_delete_permission(request, obj)


class CustomerGroupInline(admin.StackedInline):
    model = CustomerGroup
    extra = 0
    fields = [
        ("code", "name_en", "name_nl"),
        ("channels", "languages"),
        ("norm_value", "norm_unit"),
        "norm_source",
    ]


class TaskDefinitionInline(admin.TabularInline):
    """The assessment tasks; a definition that tasks were opened from cannot be deleted."""

    model = TaskDefinition
    extra = 0
    fields = [
        "code",
        "name_en",
        "name_nl",
        "queue_kind",
        "blocking",
        "expected_days",
        "due_days",
        "notes",
    ]
    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 40})}}


@admin.register(ProductVersion)
class ProductVersionAdmin(VersionColumns, SimpleHistoryAdmin):
    list_display = [
        "product",
        "valid_from",
        "valid_to_shown",
        "decision_period",
        "extension",
        "fee_eur",
        "fee_verified",
    ]
    list_filter = ["product__process", "fee_verified", "product"]
    list_select_related = ["product"]
    search_fields = ["product__code", "product__name_en", "product__name_nl"]
    date_hierarchy = "valid_from"
    inlines = [VersionDocumentTypeInline, CustomerGroupInline, TaskDefinitionInline]
    fieldsets = [
        (None, {"fields": ["product", "valid_from", "valid_to_shown", "legal_basis"]}),
        (
            _("Decision period (beslistermijn)"),
            {
                "fields": [
                    ("decision_period_value", "decision_period_unit"),
                    "decision_period_source",
                    ("extension_value", "extension_unit"),
                    "extension_legal_basis",
                ]
            },
        ),
        (
            _("Objection (bezwaar)"),
            {
                "fields": [
                    ("objection_period_value", "objection_period_unit"),
                    "objection_period_source",
                    ("objection_decision_value", "objection_decision_unit"),
                    "objection_decision_source",
                ]
            },
        ),
        (_("Fee (leges)"), {"fields": [("fee_eur", "fee_verified"), "fee_source"]}),
        (None, {"fields": ["notes"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = ["valid_to_shown"]
        if _is_pinned(obj):
            readonly += ["product", "valid_from", *LAW_FIELDS]
        return readonly
