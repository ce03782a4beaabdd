"""Writes to the product catalog.

``catalog_load`` brings the database in line with the catalog file: document types,
products, versions (keyed by product and ``valid_from``), their documents, customer
groups and task definitions, all in one transaction. Loading the same file twice
changes nothing and writes no history. Records that are no longer in the file are kept
and reported, never deleted silently: a version may be the law that applications were
judged under. Task definitions are operational, not law: they may change on a version
that applications are pinned to, and the report notes it when they do.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Model, ProtectedError

from indigo.catalog.models import (
    CustomerGroup,
    DocumentType,
    Product,
    ProductVersion,
    TaskDefinition,
    VersionDocumentType,
)
from indigo.catalog.selectors import pinned_version_ids, task_definition_ids_in_use
from indigo.catalog.spec import (
    CatalogError,
    CatalogSpec,
    ProductSpec,
    VersionSpec,
    catalog_spec_read,
)

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

__all__ = ["DEFAULT_CATALOG_PATH", "CatalogError", "LoadReport", "catalog_load"]


@dataclass
class LoadReport:
    """What a load did; each entry reads as a line for the administrator."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # in the database, not in the file
    notes: list[str] = field(default_factory=list)  # changes worth a second look
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def lines(self) -> list[str]:
        lines = [f"created {what}" for what in self.created]
        lines += [f"updated {what}" for what in self.updated]
        lines += [f"deleted {what}" for what in self.deleted]
        lines += [f"kept (not in the file) {what}" for what in self.kept]
        lines += [f"note: {what}" for what in self.notes]
        if not self.changed:
            lines.append("The catalog is up to date; nothing changed.")
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return lines


def catalog_load(*, path: Path | None = None, stdout=None, dry_run: bool = False) -> LoadReport:
    """Load the catalog file (default: the shipped ``data/products.yaml``).

    All or nothing: raises CatalogError, and writes nothing, when the file is invalid
    or would change the law of a version that applications are pinned to.
    With ``dry_run`` the changes are made and reported, then rolled back.
    """
    spec = catalog_spec_read(path=Path(path) if path else DEFAULT_CATALOG_PATH)
    report = LoadReport(dry_run=dry_run)
    with transaction.atomic():
        errors = _Loader(report).load(spec)
        if errors:
            raise CatalogError(errors)
        if dry_run:
            transaction.set_rollback(True)
    if stdout is not None:
        for line in report.lines():
            stdout.write(line + "\n")
    return report


def _label(version: ProductVersion) -> str:
    return f"version {version.product.code} from {version.valid_from:%Y-%m-%d}"


def _where(version: ProductVersion) -> str:
    """How an error names the version: as the catalog file's own errors do."""
    return f"product '{version.product.code}', version {version.valid_from:%Y-%m-%d}"


def _upsert(obj: Model, values: dict) -> list[str]:
    """Set ``values`` on ``obj`` and save it if any differs; return the changed fields.

    Saving only on a real change keeps a repeated load free of history rows.
    """
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save()
    return changed


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
            values = {"name_en": item.name_en, "name_nl": item.name_nl}
            doc_type = existing.get(item.code)
            if doc_type is None:
                doc_type = DocumentType.objects.create(code=item.code, **values)
                self.report.created.append(f"document type {item.code}")
            elif changed := _upsert(doc_type, values):
                self.report.updated.append(f"document type {item.code} ({', '.join(changed)})")
            self.document_types[item.code] = doc_type
        listed = {d.code for d in spec.document_types}
        for code in sorted(set(existing) - listed):
            self.report.kept.append(f"document type {code}")

    def load_product(self, spec: ProductSpec, product: Product | None) -> None:
        values = {"process": spec.process, "name_en": spec.name_en, "name_nl": spec.name_nl}
        if product is None:
            product = Product.objects.create(code=spec.code, **values)
            self.report.created.append(f"product {spec.code}")
        elif changed := _upsert(product, values):
            self.report.updated.append(f"product {spec.code} ({', '.join(changed)})")
        existing = {v.valid_from: v for v in product.versions.select_related("product")}
        for version_spec in spec.versions:
            self.load_version(product, version_spec, existing.get(version_spec.valid_from))
        listed = {v.valid_from for v in spec.versions}
        for valid_from in sorted(set(existing) - listed):
            self.report.kept.append(_label(existing[valid_from]))

    def load_version(
        self, product: Product, spec: VersionSpec, version: ProductVersion | None
    ) -> None:
        values = spec.field_values()
        if version is None:
            version = ProductVersion.objects.create(
                product=product, valid_from=spec.valid_from, **values
            )
            self.report.created.append(_label(version))
        else:
            if version.pk in self.pinned and not self.may_change_pinned(version, spec):
                return
            if changed := _upsert(version, values):
                self.report.updated.append(f"{_label(version)} ({', '.join(changed)})")
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
        label = _label(version)
        for code, required in spec.documents.items():
            link = existing.get(code)
            if link is None:
                VersionDocumentType.objects.create(
                    version=version, document_type=self.document_types[code], required=required
                )
                self.report.created.append(f"document {code} of {label}")
            elif _upsert(link, {"required": required}):
                self.report.updated.append(f"document {code} of {label} (required)")
        for code in sorted(set(existing) - set(spec.documents)):
            existing[code].delete()
            self.report.deleted.append(f"document {code} of {label}")

    def load_customer_groups(self, version: ProductVersion, spec: VersionSpec) -> None:
        existing = {g.code: g for g in version.customer_groups.all()}
        label = _label(version)
        for group_spec in spec.customer_groups:
            group = existing.get(group_spec.code)
            values = group_spec.field_values()
            if group is None:
                CustomerGroup.objects.create(version=version, code=group_spec.code, **values)
                self.report.created.append(f"customer group {group_spec.code} of {label}")
            elif changed := _upsert(group, values):
                self.report.updated.append(
                    f"customer group {group_spec.code} of {label} ({', '.join(changed)})"
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
        label = _label(version)
        changed_any = False
        for task_spec in spec.tasks:
            task = existing.get(task_spec.code)
            values = task_spec.field_values()
            if task is None:
                TaskDefinition.objects.create(version=version, code=task_spec.code, **values)
                self.report.created.append(f"task {task_spec.code} of {label}")
                changed_any = True
            elif changed := _upsert(task, values):
                self.report.updated.append(
                    f"task {task_spec.code} of {label} ({', '.join(changed)})"
                )
                changed_any = True
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
