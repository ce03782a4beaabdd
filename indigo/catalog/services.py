"""Writes to the product catalog.

``catalog_load`` brings the database in line with the catalog file: document types,
products, versions (keyed by product and ``valid_from``), their documents, customer
groups and task definitions, all in one transaction. Loading the same file twice
changes nothing and writes no history. Records that are no longer in the file are kept
and reported, never deleted silently: a version may be the law that applications were
judged under. Task definitions are operational, not law: they may change on a version
that applications are pinned to, and the report notes it when they do.
"""

from pathlib import Path

from django.db.models import ProtectedError

from indigo.catalog.citations import citations_missing, citations_read
from indigo.catalog.models import (
    CustomerGroup,
    DocumentType,
    Product,
    ProductVersion,
    TaskDefinition,
    VersionDocumentType,
)
from indigo.catalog.remedies import remedies_missing, remedies_read
from indigo.catalog.selectors import pinned_version_ids, task_definition_ids_in_use
from indigo.catalog.spec import CatalogSpec, ProductSpec, VersionSpec, catalog_spec_read
from indigo.lawdata.loader import LawDataError, LoadReport, all_or_nothing, row_sync

DEFAULT_CATALOG_PATH = Path(__file__).resolve().parent / "data" / "products.yaml"

# The fields that decide the outcome of an application (periods, fee). Once an
# application is pinned to a version, a change to one of them needs a new version.
LAW_FIELDS = (
    "decision_period_value",
    "decision_period_unit",
    "extension_value",
    "extension_unit",
    "objection_period_value",
    "objection_period_unit",
    "objection_decision_value",
    "objection_decision_unit",
    "fee_eur",
)

__all__ = ["DEFAULT_CATALOG_PATH", "LAW_FIELDS", "catalog_load"]


def catalog_load(*, path: Path | None = None, stdout=None, dry_run: bool = False) -> LoadReport:
    """Load the catalog file (default: the shipped ``data/products.yaml``).

    Every product needs its remedies in ``remedies.yaml`` beside the catalog file
    (``indigo.catalog.remedies``); a product without them is refused, by name.

    All or nothing: raises LawDataError, and writes nothing, when the file is invalid
    or would change the law of a version that applications are pinned to.
    With ``dry_run`` the changes are made and reported, then rolled back.
    """
    path = Path(path) if path else DEFAULT_CATALOG_PATH
    spec = catalog_spec_read(path=path)
    remedies_path = path.parent / "remedies.yaml"
    codes = [p.code for p in spec.products]
    missing = remedies_missing(product_codes=codes, spec=remedies_read(path=remedies_path))
    missing += citations_missing(
        product_codes=codes, citations=citations_read(path=path.parent / "citations.yaml")
    )
    if missing:
        raise LawDataError(missing, path=remedies_path)
    report = LoadReport("the catalog", dry_run=dry_run)
    with all_or_nothing(report):
        errors = _Loader(report).load(spec)
        if errors:
            raise LawDataError(errors, path=path)
    if stdout is not None:
        report.write(stdout)
    return report


def _label(product_code: str, valid_from) -> str:
    return f"version {product_code} from {valid_from:%Y-%m-%d}"


def _where(version: ProductVersion) -> str:
    """How an error names the version: as the catalog file's own errors do."""
    return f"product '{version.product.code}', version {version.valid_from:%Y-%m-%d}"


class _Loader:
    def __init__(self, report: LoadReport):
        self.report = report
        self.errors: list[str] = []
        self.pinned = pinned_version_ids()
        self.document_types: dict[str, DocumentType] = {}

    def load(self, spec: CatalogSpec) -> list[str]:
        self.load_document_types(spec)
        listed = {p.code for p in spec.products}
        existing = {p.code: p for p in Product.objects.all()}
        for product_spec in spec.products:
            self.load_product(product_spec, existing.get(product_spec.code))
        for code in sorted(set(existing) - listed):
            self.report.kept.append(f"product {code}")
        return self.errors

    def load_document_types(self, spec: CatalogSpec) -> None:
        existing = {d.code: d for d in DocumentType.objects.all()}
        for item in spec.document_types:
            self.document_types[item.code] = row_sync(
                self.report,
                f"document type {item.code}",
                DocumentType,
                lookup={"code": item.code},
                values={"name_en": item.name_en, "name_nl": item.name_nl},
                row=existing.get(item.code),
            )
        listed = {d.code for d in spec.document_types}
        for code in sorted(set(existing) - listed):
            self.report.kept.append(f"document type {code}")

    def load_product(self, spec: ProductSpec, product: Product | None) -> None:
        product = row_sync(
            self.report,
            f"product {spec.code}",
            Product,
            lookup={"code": spec.code},
            values=spec.field_values(),
            row=product,
        )
        existing = {v.valid_from: v for v in product.versions.select_related("product")}
        for version_spec in spec.versions:
            self.load_version(product, version_spec, existing.get(version_spec.valid_from))
        listed = {v.valid_from for v in spec.versions}
        for valid_from in sorted(set(existing) - listed):
            self.report.kept.append(_label(product.code, valid_from))

    def load_version(
        self, product: Product, spec: VersionSpec, version: ProductVersion | None
    ) -> None:
        pinned = version is not None and version.pk in self.pinned
        if pinned and not self.may_change_pinned(version, spec):
            return
        version = row_sync(
            self.report,
            _label(product.code, spec.valid_from),
            ProductVersion,
            lookup={"product": product, "valid_from": spec.valid_from},
            values=spec.field_values(),
            row=version,
        )
        self.load_documents(version, spec)
        self.load_customer_groups(version, spec)
        self.load_tasks(version, spec)

    def may_change_pinned(self, version: ProductVersion, spec: VersionSpec) -> bool:
        values = spec.field_values()
        changed = [name for name in LAW_FIELDS if getattr(version, name) != values[name]]
        if self.documents_of(version) != spec.documents:
            changed.append("documents")
        if changed:
            self.errors.append(
                f"{_where(version)}: {', '.join(changed)}: applications are pinned to this "
                "version, so the law it states cannot change. Restore these values in the "
                "file and add a new version with a new valid_from for the new law."
            )
        return not changed

    def documents_of(self, version: ProductVersion) -> dict[str, bool]:
        return dict(version.versiondocumenttype_set.values_list("document_type__code", "required"))

    def load_documents(self, version: ProductVersion, spec: VersionSpec) -> None:
        existing = {
            link.document_type.code: link
            for link in version.versiondocumenttype_set.select_related("document_type")
        }
        label = _label(version.product.code, version.valid_from)
        for code, required in spec.documents.items():
            row_sync(
                self.report,
                f"document {code} of {label}",
                VersionDocumentType,
                lookup={"version": version, "document_type": self.document_types[code]},
                values={"required": required},
                row=existing.get(code),
            )
        for code in sorted(set(existing) - set(spec.documents)):
            existing[code].delete()
            self.report.deleted.append(f"document {code} of {label}")

    def load_customer_groups(self, version: ProductVersion, spec: VersionSpec) -> None:
        existing = {g.code: g for g in version.customer_groups.all()}
        label = _label(version.product.code, version.valid_from)
        for group_spec in spec.customer_groups:
            row_sync(
                self.report,
                f"customer group {group_spec.code} of {label}",
                CustomerGroup,
                lookup={"version": version, "code": group_spec.code},
                values=group_spec.field_values(),
                row=existing.get(group_spec.code),
            )
        for code in sorted(set(existing) - {g.code for g in spec.customer_groups}):
            try:
                existing[code].delete()
            except ProtectedError:
                self.errors.append(
                    f"{_where(version)}: customer_groups[{code}]: applications belong to "
                    "this customer group, so it cannot be removed. Keep it in the file."
                )
            else:
                self.report.deleted.append(f"customer group {code} of {label}")

    def load_tasks(self, version: ProductVersion, spec: VersionSpec) -> None:
        existing = {t.code: t for t in version.task_definitions.all()}
        label = _label(version.product.code, version.valid_from)
        changes_before = len(self.report.created) + len(self.report.updated)
        for task_spec in spec.tasks:
            row_sync(
                self.report,
                f"task {task_spec.code} of {label}",
                TaskDefinition,
                lookup={"version": version, "code": task_spec.code},
                values=task_spec.field_values(),
                row=existing.get(task_spec.code),
            )
        changed_any = len(self.report.created) + len(self.report.updated) > changes_before
        removed = sorted(set(existing) - {t.code for t in spec.tasks})
        dropped = version.task_definitions.filter(code__in=removed)
        in_use = task_definition_ids_in_use(definitions=dropped) if removed else set()
        for code in removed:
            if existing[code].pk in in_use:
                self.errors.append(
                    f"{_where(version)}: tasks[{code}]: tasks were opened from this "
                    "definition, so it cannot be removed. Keep it in the file; to stop "
                    "opening it, add a new version without it."
                )
                continue
            existing[code].delete()
            self.report.deleted.append(f"task {code} of {label}")
            changed_any = True
        if changed_any and version.pk in self.pinned:
            self.report.notes.append(
                f"the tasks of {label} changed while applications are pinned to it; tasks "
                "already opened keep their values, applications entering assessment from "
                "now on get the new ones"
            )
