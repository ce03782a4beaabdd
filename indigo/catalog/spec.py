"""Reading and validating the catalog file (``data/products.yaml``).

The file is read in full before anything is written: every problem is collected and
reported at once (``LawDataError``), each message naming the product, the version and
the field, so a functional administrator can fix the file in one go. See the file's
header for its shape.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from indigo.catalog.models import Channel, Process
from indigo.catalog.spec_tasks import TaskSpec, task_specs_read
from indigo.lawdata.loader import Reader, SourcedPeriod

PASSPORT = "passport"
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_MAX_FEE = Decimal("999999.99")  # ProductVersion.fee_eur: max_digits=8, decimal_places=2

PRODUCT_KEYS = {"code", "process", "name_en", "name_nl", "versions"}
VERSION_KEYS = {
    "valid_from",
    "legal_basis",
    "decision_period",
    "extension",
    "objection_period",
    "objection_decision_period",
    "fee",
    "documents",
    "customer_groups",
    "tasks",
}
GROUP_KEYS = {"code", "name_en", "name_nl", "channels", "languages", "norm"}


@dataclass(frozen=True)
class DocumentTypeSpec:
    code: str
    name_en: str
    name_nl: str


@dataclass(frozen=True)
class CustomerGroupSpec:
    code: str
    name_en: str
    name_nl: str
    channels: list[str]
    languages: list[str]
    norm: SourcedPeriod

    def field_values(self) -> dict:
        return {
            "name_en": self.name_en,
            "name_nl": self.name_nl,
            "channels": self.channels,
            "languages": self.languages,
            "norm_value": self.norm.value,
            "norm_unit": self.norm.unit,
            "norm_source": self.norm.source,
        }


@dataclass(frozen=True)
class VersionSpec:
    valid_from: date
    legal_basis: str
    decision_period: SourcedPeriod
    extension: SourcedPeriod | None
    objection_period: SourcedPeriod
    objection_decision_period: SourcedPeriod
    fee_eur: Decimal
    fee_verified: bool
    fee_source: str
    documents: dict[str, bool]  # document type code -> required
    customer_groups: list[CustomerGroupSpec]
    tasks: list[TaskSpec]
    notes: str

    def field_values(self) -> dict:
        """The values of the ProductVersion's own fields."""
        ext = self.extension
        return {
            "legal_basis": self.legal_basis,
            "decision_period_value": self.decision_period.value,
            "decision_period_unit": self.decision_period.unit,
            "decision_period_source": self.decision_period.source,
            "extension_value": ext.value if ext else None,
            "extension_unit": ext.unit if ext else "",
            "extension_legal_basis": ext.source if ext else "",
            "objection_period_value": self.objection_period.value,
            "objection_period_unit": self.objection_period.unit,
            "objection_period_source": self.objection_period.source,
            "objection_decision_value": self.objection_decision_period.value,
            "objection_decision_unit": self.objection_decision_period.unit,
            "objection_decision_source": self.objection_decision_period.source,
            "fee_eur": self.fee_eur,
            "fee_verified": self.fee_verified,
            "fee_source": self.fee_source,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class ProductSpec:
    code: str
    process: str
    name_en: str
    name_nl: str
    confidential: bool
    versions: list[VersionSpec]

    def field_values(self) -> dict:
        """The values of the Product's own fields."""
        return {
            "process": self.process,
            "name_en": self.name_en,
            "name_nl": self.name_nl,
            "confidential": self.confidential,
        }


@dataclass(frozen=True)
class CatalogSpec:
    document_types: list[DocumentTypeSpec]
    products: list[ProductSpec]


def catalog_spec_read(*, path: Path) -> CatalogSpec:
    """Read and validate the catalog file at ``path``; LawDataError if it is wrong."""
    return CatalogReader().read(path)


class CatalogReader(Reader):
    def parse(self, data) -> CatalogSpec:
        where = "catalog file"
        keys = {"document_types", "products"}
        if self.mapping(data, where, required=keys, optional={"shared"}) is None:
            return CatalogSpec([], [])
        document_types = self.document_types(data)
        declared = {d.code for d in document_types}
        products, seen = [], set()
        for index, raw in enumerate(self.items(data, "products", where), start=1):
            product = self.product(raw, index, declared)
            if product is None:
                continue
            if product.code in seen:
                self.error(f"product '{product.code}'", "code", "appears more than once")
            seen.add(product.code)
            products.append(product)
        return CatalogSpec(document_types, products)

    def document_types(self, data: dict) -> list[DocumentTypeSpec]:
        result, seen = [], set()
        raw_list = self.items(data, "document_types", "catalog file")
        for index, raw in enumerate(raw_list, start=1):
            raw, code, where = self.entry(
                raw, "document type", index, required={"code", "name_en", "name_nl"}
            )
            if raw is None:
                continue
            if code in seen:
                self.error(where, "code", "appears more than once")
            if code:
                seen.add(code)
            names = self.text(raw, "name_en", where), self.text(raw, "name_nl", where)
            if code and all(names):
                result.append(DocumentTypeSpec(code, *names))
        if result and PASSPORT not in seen:
            self.error("catalog file", "document_types", f"'{PASSPORT}' must be declared")
        return result

    def product(self, raw, index: int, declared: set[str]) -> ProductSpec | None:
        raw, code, where = self.entry(
            raw, "product", index, required=PRODUCT_KEYS, optional={"confidential"}
        )
        if raw is None:
            return None
        process = self.choice(raw, "process", where, allowed=Process.values)
        names = self.text(raw, "name_en", where), self.text(raw, "name_nl", where)
        confidential = self.flag(raw, "confidential", where, default=False)
        versions = self.versions(
            raw, "versions", where, lambda version, i: self.version(version, where, i, declared)
        )
        if not (code and process and all(names) and confidential is not None and versions):
            return None
        return ProductSpec(code, process, *names, confidential, versions)

    def version(self, raw, product_where: str, index: int, declared: set[str]):
        valid_from, where = self.version_where(raw, product_where, index)
        before = len(self.errors)
        if self.mapping(raw, where, required=VERSION_KEYS, optional={"notes"}) is None:
            return None
        legal_basis = self.text(raw, "legal_basis", where)
        periods = {
            key: self.period(raw, key, where)
            for key in ("decision_period", "objection_period", "objection_decision_period")
        }
        extension = self.period(raw, "extension", where, nullable=True)
        fee = self.fee(raw, where)
        documents = self.documents(raw, where, declared)
        groups = self.customer_groups(raw, where)
        tasks = task_specs_read(self, raw, where)
        notes = self.text(raw, "notes", where, blank=True)
        if len(self.errors) > before or valid_from is None or fee is None:
            return None
        return VersionSpec(
            valid_from=valid_from,
            legal_basis=legal_basis,
            extension=extension,
            fee_eur=fee[0],
            fee_verified=fee[1],
            fee_source=fee[2],
            documents=documents,
            customer_groups=groups,
            tasks=tasks,
            notes=notes,
            **periods,
        )

    def fee(self, raw: dict, where: str) -> tuple[Decimal, bool, str] | None:
        if "fee" not in raw:
            return None
        fee = self.mapping(raw["fee"], where, "fee", required={"eur", "verified", "source"})
        if fee is None:
            return None
        before = len(self.errors)
        amount = self.money(fee, "eur", where, "fee", maximum=_MAX_FEE)
        verified = self.flag(fee, "verified", where, "fee")
        source = self.text(fee, "source", where, "fee")
        if len(self.errors) > before or amount is None or verified is None or not source:
            return None
        return amount, verified, source

    def documents(self, raw: dict, where: str, declared: set[str]) -> dict[str, bool]:
        documents: dict[str, bool] = {}
        for index, item in enumerate(self.items(raw, "documents", where), start=1):
            field = f"documents[{index}]"
            if self.mapping(item, where, field, required={"code"}, optional={"required"}) is None:
                continue
            code = item.get("code")
            required = self.flag(item, "required", where, field, default=True)
            if not isinstance(code, str) or code not in declared:
                self.error(
                    where, field, f"document type {code!r} is not declared in document_types"
                )
            elif code in documents:
                self.error(where, field, f"document type {code!r} is listed more than once")
            else:
                documents[code] = required
        if "documents" in raw and documents.get(PASSPORT) is not True:
            self.error(where, "documents", f"'{PASSPORT}' must be listed as required")
        return documents

    def customer_groups(self, raw: dict, where: str) -> list[CustomerGroupSpec]:
        groups, seen = [], set()
        for index, item in enumerate(self.items(raw, "customer_groups", where), start=1):
            code = (
                self.code(item, where, f"customer_groups[{index}]")
                if isinstance(item, dict)
                else ""
            )
            field = f"customer_groups[{code or index}]"
            if self.mapping(item, where, field, required=GROUP_KEYS) is None:
                continue
            if code in seen:
                self.error(where, field, "appears more than once")
            if code:
                seen.add(code)
            names = (
                self.text(item, "name_en", where, field),
                self.text(item, "name_nl", where, field),
            )
            channels = self.choices(
                item, "channels", where, field, allowed=Channel.values, noun="channel"
            )
            languages = self.languages(item, where, field)
            norm = self.period(item, "norm", where, field)
            if code and all(names) and channels and languages and norm:
                groups.append(CustomerGroupSpec(code, *names, channels, languages, norm))
        return groups

    def languages(self, raw: dict, where: str, field: str) -> list[str]:
        languages = self.items(raw, "languages", where, field)
        wrong = [
            value for value in languages if not (isinstance(value, str) and _LANGUAGE.match(value))
        ]
        for value in wrong:
            self.error(where, f"{field}.languages", f"{value!r} is not a language code like 'nl'")
        return [] if wrong else list(languages)
