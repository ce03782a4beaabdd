"""Reading Indigo's data files and loading them: one error, one reader, one report.

The product catalog, the rule parameters and the service desks are YAML files that a
functional administrator edits. A file is read in full before anything is written, and
every problem is collected and reported at once, each naming the file, the entry
(product, version, parameter, desk) and the field, so it can be fixed in one go. A load
then brings the database in line with the file in one transaction, all or nothing, and
reports what it created, updated, left unchanged, and kept although the file no longer
lists it: a version may be the law that applications were judged under.

An app subclasses ``Reader`` for its file (its ``parse`` builds the app's specs with the
typed reads below, adding the app's own checks) and loads the specs with ``row_sync``
inside ``all_or_nothing``.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Model

from indigo.deadlines.periods import PeriodUnit

CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PERIOD_UNITS = [unit.value for unit in PeriodUnit]


class LawDataError(Exception):
    """A data file cannot be loaded; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str], *, path: Path | str | None = None):
        self.errors = list(errors)
        self.path = Path(path) if path else None
        if self.path is None:
            heading, lines = "The data was not loaded", self.errors
        else:
            heading = f"{self.path} was not loaded"
            lines = [f"{self.path.name}: {error}" for error in self.errors]
        super().__init__(f"{heading}:\n" + "\n".join(f"- {line}" for line in lines))


def yaml_read(path: Path | str) -> object:
    """The parsed YAML of the file at ``path``; LawDataError when it cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise LawDataError([f"cannot be read ({reason})"], path=path) from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise LawDataError([f"is not valid YAML: {exc}"], path=path) from exc


def entry_name(noun: str, code: str, index: int) -> str:
    """How a message names an entry: by its code, or by its place when it has none."""
    return f"{noun} '{code}'" if code else f"{noun} #{index}"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


@dataclass(frozen=True)
class SourcedPeriod:
    """A period the law sets, with where it says so."""

    value: int
    unit: str  # a PeriodUnit value: days, weeks or months
    source: str


class Reader:
    """Walks a parsed file, collecting problems instead of stopping at the first one.

    Each typed read takes the mapping that holds the value, its ``key``, ``where`` (the
    entry, e.g. "product 'study', version 2025-01-01") and ``field`` (the path inside
    the entry, e.g. "fee"). A key that is absent is not reported again: ``mapping``
    reports the missing required keys of an entry. A read returns None (or an empty
    value) when the value is wrong, after recording the problem.
    """

    def __init__(self) -> None:
        self.errors: list[str] = []

    def read(self, path: Path | str):
        """The spec of the file at ``path``; LawDataError listing every problem."""
        return self.read_data(yaml_read(path), path=path)

    def read_data(self, data: object, *, path: Path | str | None = None):
        """The spec of already-parsed ``data``; LawDataError listing every problem."""
        self.errors = []
        spec = self.parse(data)
        if self.errors:
            raise LawDataError(self.errors, path=path)
        return spec

    def parse(self, data: object):
        raise NotImplementedError("a Reader reads one kind of file: define parse()")

    def error(self, where: str, field: str, message: str) -> None:
        self.errors.append(f"{where}: {field}: {message}" if field else f"{where}: {message}")

    # -- structure --------------------------------------------------------------------

    def mapping(
        self, raw, where: str, field: str = "", *, required=frozenset(), optional=frozenset()
    ) -> dict | None:
        """``raw`` if it is a mapping; reports unknown keys and missing required ones."""
        if not isinstance(raw, dict):
            self.error(where, field, f"must be a mapping, not {type(raw).__name__}")
            return None
        required, optional = set(required), set(optional)
        for key in sorted(set(raw) - required - optional, key=str):
            self.error(where, _join(field, str(key)), "unknown key (check the spelling)")
        for key in sorted(required - set(raw)):
            self.error(where, _join(field, key), "missing")
        return raw

    def entry(
        self, raw, noun: str, index: int, *, required, optional=frozenset()
    ) -> tuple[dict | None, str, str]:
        """An entry of a list named by its code (a product, a desk): the mapping (None
        when it is not one), its code, and how messages name it."""
        where = entry_name(noun, "", index)
        code = self.code(raw, where) if isinstance(raw, dict) else ""
        where = entry_name(noun, code, index)
        return self.mapping(raw, where, required=required, optional=optional), code, where

    def items(self, raw: dict, key: str, where: str, field: str = "", *, empty=False) -> list:
        """The list under ``key`` (empty when absent or wrong)."""
        if key not in raw or (empty and raw[key] is None):
            return []
        value = raw[key]
        if not isinstance(value, list) or not (value or empty):
            self.error(
                where, _join(field, key), "must be a list" if empty else "must be a non-empty list"
            )
            return []
        return value

    def versions(self, raw: dict, key: str, where: str, read_version: Callable) -> list:
        """The versions of one series, oldest first.

        ``read_version(raw_version, index)`` returns a spec with a ``valid_from``, or
        None when the version is wrong. Two versions from the same day are refused.
        """
        versions, starts = [], set()
        for index, raw_version in enumerate(self.items(raw, key, where), start=1):
            version = read_version(raw_version, index)
            if version is None:
                continue
            if version.valid_from in starts:
                self.error(
                    f"{where}, version {version.valid_from:%Y-%m-%d}",
                    "valid_from",
                    "two versions start on the same day, so their validity overlaps; keep one",
                )
            starts.add(version.valid_from)
            versions.append(version)
        return sorted(versions, key=lambda version: version.valid_from)

    def version_where(self, raw, series_where: str, index: int) -> tuple[date | None, str]:
        """A version's ``valid_from`` and how messages name it: by its start date when
        that is a date, else by its place."""
        where = f"{series_where}, version #{index}"
        if not isinstance(raw, dict):
            return None, where
        valid_from = self.day(raw, "valid_from", where)
        if valid_from is None:
            return None, where
        return valid_from, f"{series_where}, version {valid_from:%Y-%m-%d}"

    # -- values -----------------------------------------------------------------------

    def text(self, raw: dict, key: str, where: str, field: str = "", *, blank=False) -> str:
        """A text, stripped. ``blank``: may be empty or null (notes)."""
        value = raw.get(key)
        if blank and value is None:
            return ""
        if not isinstance(value, str) or not (value.strip() or blank):
            if key in raw:
                self.error(
                    where,
                    _join(field, key),
                    "must be a text" if blank else "must be a non-empty text",
                )
            return ""
        return value.strip()

    def code(self, raw: dict, where: str, field: str = "", *, key: str = "code") -> str:
        """A code: lower-case letters, digits and hyphens (``eu-blue-card``)."""
        value = raw.get(key)
        if key not in raw:
            return ""
        if not isinstance(value, str) or not CODE.match(value):
            self.error(
                where,
                _join(field, key),
                f"{value!r} is not a code (lower-case letters, digits and hyphens, "
                "like 'eu-blue-card')",
            )
            return ""
        return value

    def day(self, raw: dict, key: str, where: str, field: str = "") -> date | None:
        """A date, written 2026-01-01."""
        value = raw.get(key)
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass  # reported below
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if key in raw:
            self.error(where, _join(field, key), f"{value!r} is not a date like 2026-01-01")
        return None

    def whole_number(
        self, raw: dict, key: str, where: str, field: str = "", *, minimum: int = 1
    ) -> int | None:
        value = raw.get(key)
        if key not in raw:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.error(
                where, _join(field, key), f"{value!r} is not a whole number of at least {minimum}"
            )
            return None
        return value

    def flag(
        self, raw: dict, key: str, where: str, field: str = "", *, default: bool | None = None
    ) -> bool | None:
        """true or false; ``default`` when absent."""
        value = raw.get(key, default)
        if key in raw and not isinstance(value, bool):
            self.error(where, _join(field, key), f"{value!r} must be true or false")
            return None
        return value

    def choice(
        self, raw: dict, key: str, where: str, field: str = "", *, allowed, noun: str = ""
    ) -> str | None:
        """One of ``allowed``."""
        value, allowed = raw.get(key), list(allowed)
        if key not in raw:
            return None
        if value not in allowed:
            self.error(
                where,
                _join(field, key),
                f"unknown {noun or key} {value!r} (use {', '.join(map(str, allowed))})",
            )
            return None
        return value

    def choices(
        self, raw: dict, key: str, where: str, field: str = "", *, allowed, noun: str = ""
    ) -> list:
        """A non-empty list of values from ``allowed``, each at most once."""
        values, allowed = self.items(raw, key, where, field), list(allowed)
        wrong = [value for value in values if value not in allowed]
        for value in wrong:
            self.error(
                where,
                _join(field, key),
                f"unknown {noun or key} {value!r} (use {', '.join(map(str, allowed))})",
            )
        twice = sorted({str(value) for value in values if values.count(value) > 1})
        if twice:
            self.error(where, _join(field, key), f"{', '.join(twice)} listed more than once")
        return [] if wrong or twice else list(values)

    def money(
        self,
        raw: dict,
        key: str,
        where: str,
        field: str = "",
        *,
        maximum: Decimal = Decimal("999999.99"),
    ) -> Decimal | None:
        """An amount in euros, in whole cents, from 0 up to ``maximum``."""
        value = raw.get(key)
        if key not in raw:
            return None
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            amount = Decimal(str(value))
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.error(where, _join(field, key), f"{value!r} is not an amount in euros")
            return None
        if amount < 0:
            self.error(where, _join(field, key), f"an amount cannot be negative ({amount})")
            return None
        if amount > maximum or amount != amount.quantize(Decimal("0.01")):
            self.error(
                where, _join(field, key), f"{amount} must be at most {maximum}, in whole cents"
            )
            return None
        return amount.quantize(Decimal("0.01"))

    def period(
        self, raw: dict, key: str, where: str, field: str = "", *, nullable=False
    ) -> SourcedPeriod | None:
        """A period with its source: ``{value, unit, source}``; ``nullable``: may be
        null (there is none, e.g. no extension)."""
        if key not in raw or (nullable and raw[key] is None):
            return None
        at = _join(field, key)
        entry = self.mapping(raw[key], where, at, required={"value", "unit", "source"})
        if entry is None:
            return None
        before = len(self.errors)
        value = self.whole_number(entry, "value", where, at)
        unit = self.choice(entry, "unit", where, at, allowed=PERIOD_UNITS, noun="period unit")
        source = self.text(entry, "source", where, at)
        if len(self.errors) > before or None in (value, unit) or not source:
            return None
        return SourcedPeriod(value, unit, source)


# -- loading ---------------------------------------------------------------------------


@dataclass
class LoadReport:
    """What a load did; each entry is a label that reads as a line for the administrator."""

    name: str  # what was loaded, as in "nothing changed in the catalog"
    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # "label (changed fields)"
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # in the database, not in the file
    notes: list[str] = field(default_factory=list)  # changes worth a second look

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def record(self, label: str, *, created: bool = False, changed=()) -> None:
        """Report one record: created, updated (``changed`` names the fields) or not."""
        if created:
            self.created.append(label)
        elif changed:
            self.updated.append(f"{label} ({', '.join(changed)})")
        else:
            self.unchanged.append(label)

    def lines(self) -> list[str]:
        lines = [f"created {what}" for what in self.created]
        lines += [f"updated {what}" for what in self.updated]
        lines += [f"deleted {what}" for what in self.deleted]
        lines += [f"kept (not in the file) {what}" for what in self.kept]
        lines += [f"note: {what}" for what in self.notes]
        if not self.changed:
            lines.append(f"Up to date: nothing changed in {self.name}.")
        elif self.unchanged:
            lines.append(f"unchanged: {len(self.unchanged)} more")
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return lines

    def write(self, stdout) -> None:
        for line in self.lines():
            stdout.write(line + "\n")


@contextmanager
def all_or_nothing(report: LoadReport) -> Iterator[None]:
    """The one transaction of a load; a dry run is rolled back at its end."""
    with transaction.atomic():
        yield
        if report.dry_run:
            transaction.set_rollback(True)


def fields_update(row: Model, values: dict) -> list[str]:
    """Set ``values`` on ``row`` and save it if any differs; the names of those that did.

    Saving only on a real change keeps a repeated load free of history rows.
    """
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        row.save()
    return changed


_LOOK_IT_UP = object()


def row_sync(
    report: LoadReport,
    label: str,
    model: type[Model],
    *,
    lookup: dict,
    values: dict,
    row=_LOOK_IT_UP,
) -> Model:
    """Create or update the ``model`` row found by ``lookup`` so it holds ``values``,
    and report it. ``row``: the row (None: not there) when the caller already has it."""
    if row is _LOOK_IT_UP:
        row = model._default_manager.filter(**lookup).first()
    if row is None:
        row = model._default_manager.create(**lookup, **values)
        report.record(label, created=True)
    else:
        report.record(label, changed=fields_update(row, values))
    return row
