"""Reading and validating the catalog file (``data/products.yaml``).

The file is read in full before anything is written: every problem is collected and
reported at once, each message naming the product, the version and the field, so a
functional administrator can fix the file in one go. See the file's header for its shape.
"""

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from indigo.catalog.models import Channel, Process
from indigo.catalog.spec_tasks import TaskSpec, task_specs_read
from indigo.deadlines.periods import PeriodUnit

PASSPORT = "passport"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_MAX_FEE = Decimal("999999.99")  # ProductVersion.fee_eur: max_digits=8, decimal_places=2


class CatalogError(Exception):
    """The catalog file cannot be loaded; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("The catalog was not loaded:\n" + "\n".join(f"- {e}" for e in errors))


@dataclass(frozen=True)
class PeriodSpec:
    value: int
    unit: str
    source: str


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
    norm: PeriodSpec

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
    decision_period: PeriodSpec
    extension: PeriodSpec | None
    objection_period: PeriodSpec
    objection_decision_period: PeriodSpec
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
    versions: list[VersionSpec]


@dataclass(frozen=True)
class CatalogSpec:
    document_types: list[DocumentTypeSpec]
    products: list[ProductSpec]


def catalog_spec_read(*, path: Path) -> CatalogSpec:
    """Read and validate the catalog file at ``path``; raise CatalogError if it is wrong."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogError([f"{path}: cannot be read ({exc.strerror or exc})"]) from exc
    except yaml.YAMLError as exc:
        raise CatalogError([f"{path}: is not valid YAML: {exc}"]) from exc
    return catalog_spec_parse(data)


def catalog_spec_parse(data: object) -> CatalogSpec:
    """Validate the already-parsed YAML ``data``; raise CatalogError listing every problem."""
    reader = _Reader()
    spec = reader.catalog(data)
    if reader.errors:
        raise CatalogError(reader.errors)
    return spec


class _Reader:
    """Walks the parsed YAML, collecting errors instead of stopping at the first one."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, where: str, field: str, message: str) -> None:
        self.errors.append(f"{where}: {field}: {message}" if field else f"{where}: {message}")

    # -- building blocks ---------------------------------------------------------------

    def mapping(self, raw, where: str, field: str, keys: set[str], optional=frozenset()):
        if not isinstance(raw, dict):
            self.error(where, field, f"must be a mapping, not {type(raw).__name__}")
            return None
        for key in sorted(set(raw) - keys - optional, key=str):
            self.error(where, _join(field, key), "unknown key (check the spelling)")
        for key in sorted(keys - set(raw)):
            self.error(where, _join(field, key), "missing")
        return raw

    def text(self, raw: dict, key: str, where: str, field: str = "") -> str:
        value = raw.get(key)
        if key in raw and (not isinstance(value, str) or not value.strip()):
            self.error(where, _join(field, key), "must be a non-empty text")
            return ""
        return value.strip() if isinstance(value, str) else ""

    def code(self, raw: dict, where: str, field: str = "") -> str:
        value = raw.get("code")
        if "code" not in raw:
            return ""  # reported as missing by mapping()
        if not isinstance(value, str) or not _SLUG.match(value):
            self.error(where, _join(field, "code"), f"{value!r} is not a code like 'eu-blue-card'")
            return ""
        return value

    def period(self, raw, where: str, field: str) -> PeriodSpec | None:
        if self.mapping(raw, where, field, {"value", "unit", "source"}) is None:
            return None
        value, unit = raw.get("value"), raw.get("unit")
        ok = True
        if "value" in raw and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            self.error(where, f"{field}.value", f"{value!r} is not a whole number of at least 1")
            ok = False
        units = [u.value for u in PeriodUnit]
        if "unit" in raw and unit not in units:
            self.error(
                where, f"{field}.unit", f"unknown period unit {unit!r} (use {', '.join(units)})"
            )
            ok = False
        source = self.text(raw, "source", where, field)
        if not (ok and source and "value" in raw and "unit" in raw):
            return None
        return PeriodSpec(value, unit, source)

    # -- sections ----------------------------------------------------------------------

    def catalog(self, data) -> CatalogSpec:
        where = "catalog file"
        if self.mapping(data, where, "", {"document_types", "products"}, {"shared"}) is None:
            return CatalogSpec([], [])
        document_types = self.document_types(data.get("document_types"))
        declared = {d.code for d in document_types}
        products, seen = [], set()
        raw_products = data.get("products")
        if not isinstance(raw_products, list) or not raw_products:
            self.error(where, "products", "must be a non-empty list")
            raw_products = []
        for index, raw in enumerate(raw_products, start=1):
            product = self.product(raw, index, declared)
            if product is None:
                continue
            if product.code in seen:
                self.error(f"product '{product.code}'", "code", "appears more than once")
            seen.add(product.code)
            products.append(product)
        return CatalogSpec(document_types, products)

    def document_types(self, raw_list) -> list[DocumentTypeSpec]:
        if not isinstance(raw_list, list) or not raw_list:
            self.error("catalog file", "document_types", "must be a non-empty list")
            return []
        result, seen = [], set()
        for index, raw in enumerate(raw_list, start=1):
            where = f"document type #{index}"
            if self.mapping(raw, where, "", {"code", "name_en", "name_nl"}) is None:
                continue
            code = self.code(raw, where)
            if code:
                where = f"document type '{code}'"
                if code in seen:
                    self.error(where, "code", "appears more than once")
                seen.add(code)
            names = self.text(raw, "name_en", where), self.text(raw, "name_nl", where)
            if code and all(names):
                result.append(DocumentTypeSpec(code, *names))
        if result and PASSPORT not in seen:
            self.error("catalog file", "document_types", f"'{PASSPORT}' must be declared")
        return result

    def product(self, raw, index: int, declared: set[str]) -> ProductSpec | None:
        where = f"product #{index}"
        keys = {"code", "process", "name_en", "name_nl", "versions"}
        if self.mapping(raw, where, "", keys) is None:
            return None
        code = self.code(raw, where)
        where = f"product '{code}'" if code else where
        process = raw.get("process")
        if "process" in raw and process not in Process.values:
            self.error(
                where, "process", f"unknown process {process!r} (use {', '.join(Process.values)})"
            )
        names = self.text(raw, "name_en", where), self.text(raw, "name_nl", where)
        raw_versions = raw.get("versions")
        if "versions" in raw and (not isinstance(raw_versions, list) or not raw_versions):
            self.error(where, "versions", "must be a non-empty list")
            raw_versions = []
        versions, starts = [], set()
        for v_index, raw_version in enumerate(raw_versions or [], start=1):
            version = self.version(raw_version, where, v_index, declared)
            if version is None:
                continue
            if version.valid_from in starts:
                self.error(
                    f"{where}, version {version.valid_from:%Y-%m-%d}",
                    "valid_from",
                    "appears more than once; each version needs its own start date",
                )
            starts.add(version.valid_from)
            versions.append(version)
        if not (code and process in Process.values and all(names) and versions):
            return None
        return ProductSpec(code, process, *names, sorted(versions, key=lambda v: v.valid_from))

    def valid_from(self, raw: dict, where: str) -> date | None:
        value = raw.get("valid_from")
        if isinstance(value, str):
            with contextlib.suppress(ValueError):  # reported below as not a date
                value = date.fromisoformat(value)
        if isinstance(value, datetime) or not isinstance(value, date):
            if "valid_from" in raw:
                self.error(where, "valid_from", f"{value!r} is not a date like 2026-01-01")
            return None
        return value

    def version(self, raw, product_where: str, index: int, declared: set[str]):
        where = f"{product_where}, version #{index}"
        keys = {
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
        if not isinstance(raw, dict):
            self.error(where, "", f"must be a mapping, not {type(raw).__name__}")
            return None
        valid_from = self.valid_from(raw, where)
        if valid_from is not None:
            where = f"{product_where}, version {valid_from:%Y-%m-%d}"
        before = len(self.errors)
        self.mapping(raw, where, "", keys, {"notes"})
        legal_basis = self.text(raw, "legal_basis", where)
        periods = {
            key: self.period(raw[key], where, key)
            for key in ("decision_period", "objection_period", "objection_decision_period")
            if key in raw
        }
        extension = raw.get("extension")
        if extension is not None:
            extension = self.period(extension, where, "extension")
        fee = self.fee(raw.get("fee"), where) if "fee" in raw else None
        documents = self.documents(raw.get("documents"), where, declared)
        groups = self.customer_groups(raw.get("customer_groups"), where)
        tasks = task_specs_read(self, raw["tasks"], where) if "tasks" in raw else []
        notes = raw.get("notes") or ""
        if not isinstance(notes, str):
            self.error(where, "notes", "must be a text")
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
            notes=notes.strip(),
            **periods,
        )

    def fee(self, raw, where: str):
        if self.mapping(raw, where, "fee", {"eur", "verified", "source"}) is None:
            return None
        ok = True
        try:
            amount = Decimal(str(raw.get("eur")))
            if not amount.is_finite() or isinstance(raw.get("eur"), bool):
                raise InvalidOperation
        except InvalidOperation:
            self.error(where, "fee.eur", f"{raw.get('eur')!r} is not an amount in euros")
            amount, ok = None, False
        if amount is not None and amount < 0:
            self.error(where, "fee.eur", f"a fee cannot be negative ({amount})")
            ok = False
        elif amount is not None and (
            amount > _MAX_FEE or amount != amount.quantize(Decimal("0.01"))
        ):
            self.error(where, "fee.eur", f"{amount} must be at most {_MAX_FEE}, in whole cents")
            ok = False
        verified = raw.get("verified")
        if "verified" in raw and not isinstance(verified, bool):
            self.error(where, "fee.verified", f"{verified!r} must be true or false")
            ok = False
        source = self.text(raw, "source", where, "fee")
        if not (ok and source and "eur" in raw and "verified" in raw):
            return None
        return amount.quantize(Decimal("0.01")), verified, source

    def documents(self, raw_list, where: str, declared: set[str]) -> dict[str, bool]:
        if not isinstance(raw_list, list) or not raw_list:
            self.error(where, "documents", "must be a non-empty list")
            return {}
        documents: dict[str, bool] = {}
        for index, raw in enumerate(raw_list, start=1):
            field = f"documents[{index}]"
            if self.mapping(raw, where, field, {"code"}, {"required"}) is None:
                continue
            code, required = raw.get("code"), raw.get("required", True)
            if not isinstance(code, str) or code not in declared:
                self.error(
                    where, field, f"document type {code!r} is not declared in document_types"
                )
            elif code in documents:
                self.error(where, field, f"document type {code!r} is listed more than once")
            if not isinstance(required, bool):
                self.error(where, f"{field}.required", f"{required!r} must be true or false")
            documents[code] = required
        if documents.get(PASSPORT) is not True:
            self.error(where, "documents", f"'{PASSPORT}' must be listed as required")
        return documents

    def customer_groups(self, raw_list, where: str) -> list[CustomerGroupSpec]:
        if not isinstance(raw_list, list) or not raw_list:
            self.error(where, "customer_groups", "must be a non-empty list")
            return []
        groups, seen = [], set()
        keys = {"code", "name_en", "name_nl", "channels", "languages", "norm"}
        for index, raw in enumerate(raw_list, start=1):
            field = f"customer_groups[{index}]"
            if self.mapping(raw, where, field, keys) is None:
                continue
            code = self.code(raw, where, field)
            if code:
                field = f"customer_groups[{code}]"
                if code in seen:
                    self.error(where, field, "appears more than once")
                seen.add(code)
            names = self.text(raw, "name_en", where, field), self.text(raw, "name_nl", where, field)
            channels = self.choices(raw, "channels", Channel.values, where, field)
            languages = self.choices(raw, "languages", None, where, field)
            norm = self.period(raw["norm"], where, f"{field}.norm") if "norm" in raw else None
            if code and all(names) and channels and languages and norm:
                groups.append(CustomerGroupSpec(code, *names, channels, languages, norm))
        return groups

    def choices(self, raw: dict, key: str, allowed, where: str, field: str) -> list[str]:
        values = raw.get(key)
        if key not in raw:
            return []
        if not isinstance(values, list) or not values:
            self.error(where, f"{field}.{key}", "must be a non-empty list")
            return []
        for value in values:
            if allowed is not None and value not in allowed:
                self.error(
                    where, f"{field}.{key}", f"unknown {key[:-1]} {value!r} ({', '.join(allowed)})"
                )
                return []
            if allowed is None and not (isinstance(value, str) and _LANGUAGE.match(value)):
                self.error(where, f"{field}.{key}", f"{value!r} is not a language code like 'nl'")
                return []
        return list(values)


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key
