"""System checks of the catalog's data: law that is missing, zero or unsourced, and
versions whose assessment has no tasks (or none that must finish before the decision).

They read the database, so Django runs them only when a database is named:

    indigo check --database default            # all checks
    indigo check --database default --tag catalog

``indigo migrate`` names its database too, so a catalog error also stops a migrate
(``--skip-checks`` gets past it). Before the catalog tables exist they report nothing.
"""

from django.core.checks import Error, Tags, Warning, register
from django.db.models import Exists, OuterRef

from indigo.catalog.models import Product, ProductVersion, TaskDefinition, VersionDocumentType
from indigo.catalog.spec import PASSPORT
from indigo.lawdata.checks import checkable_databases

TAG = "catalog"

SOURCE_FIELDS = {
    "legal_basis": "legal basis",
    "decision_period_source": "source of the decision period",
    "fee_source": "source of the fee",
}


def _catalog_databases(app_configs, databases) -> list[str]:
    """The aliases to check: those named whose catalog tables are there and migrated."""
    return checkable_databases("catalog", app_configs, databases)


def _versions(alias: str):
    return ProductVersion.objects.using(alias).select_related("product").order_by("pk")


@register(TAG, Tags.database)
def check_products_have_versions(app_configs=None, databases=None, **kwargs):
    return [
        Error(
            f"Product '{product.code}' has no version, so no law applies to it.",
            hint="Add a version with its valid_from to the catalog file and load it.",
            obj=product,
            id="catalog.E001",
        )
        for alias in _catalog_databases(app_configs, databases)
        for product in Product.objects.using(alias).filter(versions__isnull=True)
    ]


@register(TAG, Tags.database)
def check_decision_periods(app_configs=None, databases=None, **kwargs):
    return [
        Error(
            f"The decision period is 0 {version.decision_period_unit}.",
            hint="Enter the decision period the law states (e.g. 90 days, Vw 2000 art. 25).",
            obj=version,
            id="catalog.E002",
        )
        for alias in _catalog_databases(app_configs, databases)
        for version in _versions(alias).filter(decision_period_value=0)
    ]


@register(TAG, Tags.database)
def check_sources(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in _catalog_databases(app_configs, databases):
        for version in _versions(alias):
            missing = [
                label for name, label in SOURCE_FIELDS.items() if not getattr(version, name).strip()
            ]
            if version.extension_value is not None and not version.extension_legal_basis.strip():
                missing.append("legal basis of the extension")
            if missing:
                errors.append(
                    Error(
                        f"Missing: {', '.join(missing)}.",
                        hint="Every figure of the law cites its source; add it.",
                        obj=version,
                        id="catalog.E003",
                    )
                )
    return errors


@register(TAG, Tags.database)
def check_passport_required(app_configs=None, databases=None, **kwargs):
    requires_passport = VersionDocumentType.objects.filter(
        version=OuterRef("pk"), document_type__code=PASSPORT, required=True
    )
    return [
        Error(
            "A passport is not a required document.",
            hint=f"Add the document type '{PASSPORT}' to the version as required.",
            obj=version,
            id="catalog.E004",
        )
        for alias in _catalog_databases(app_configs, databases)
        for version in _versions(alias).filter(~Exists(requires_passport.using(alias)))
    ]


@register(TAG, Tags.database)
def check_versions_have_tasks(app_configs=None, databases=None, **kwargs):
    return [
        Error(
            "The version has no task definitions, so its applications are assessed "
            "without any check.",
            hint="Add the version's tasks to the catalog file and load it.",
            obj=version,
            id="catalog.E005",
        )
        for alias in _catalog_databases(app_configs, databases)
        for version in _versions(alias).filter(task_definitions__isnull=True)
    ]


@register(TAG, Tags.database)
def check_versions_have_a_blocking_task(app_configs=None, databases=None, **kwargs):
    tasks = TaskDefinition.objects.filter(version=OuterRef("pk"))
    return [
        Warning(
            "None of the version's tasks is blocking, so a decision can be proposed "
            "before any check has a result.",
            hint="Make the task whose result the decision depends on blocking.",
            obj=version,
            id="catalog.W002",
        )
        for alias in _catalog_databases(app_configs, databases)
        for version in _versions(alias).filter(
            Exists(tasks.using(alias)), ~Exists(tasks.filter(blocking=True).using(alias))
        )
    ]


@register(TAG, Tags.database)
def check_fees_verified(app_configs=None, databases=None, **kwargs):
    return [
        Warning(
            f"The fee of EUR {version.fee_eur} is not verified.",
            hint=f"Check the fee against its source ({version.fee_source}), "
            "then enter it and set it verified.",
            obj=version,
            id="catalog.W001",
        )
        for alias in _catalog_databases(app_configs, databases)
        for version in _versions(alias).filter(fee_verified=False)
    ]


@register(TAG, Tags.database)
def check_remedies(app_configs=None, databases=None, **kwargs):
    """Every product has its remedies (objection or appeal) in the remedies file."""
    from indigo.catalog.remedies import LawDataError, remedies_missing, remedies_read

    aliases = _catalog_databases(app_configs, databases)
    if not aliases:
        return []
    try:
        spec = remedies_read()
    except LawDataError as error:
        return [
            Error(message, hint="Correct the remedies file.", id="catalog.E006")
            for message in error.errors
        ]
    return [
        Error(
            message,
            hint="A decision letter must tell the person how to object or appeal.",
            obj=product,
            id="catalog.E006",
        )
        for alias in aliases
        for product in Product.objects.using(alias).order_by("code")
        for message in remedies_missing(product_codes=[product.code], spec=spec)
    ]


@register(TAG, Tags.database)
def check_citations(app_configs=None, databases=None, **kwargs):
    """Every product has an applicant-facing citation of its legal basis (Dutch and
    English), apart from the internal source note."""
    from indigo.catalog.citations import citations_missing

    return [
        Error(
            message,
            hint="Letters, the portal and the API show the citation, never the source note.",
            obj=product,
            id="catalog.E007",
        )
        for alias in _catalog_databases(app_configs, databases)
        for product in Product.objects.using(alias).order_by("code")
        for message in citations_missing(product_codes=[product.code])
    ]
