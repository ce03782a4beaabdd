"""Reading and validating the parameter file (``data/parameters.yaml``).

The whole file is read before anything is written, and every problem is collected, each
message naming the key, the version (valid_from) and the field, so a functional
administrator can fix the file in one go. See the file's header for its shape.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indigo.errors import InvalidInput
from indigo.lawdata.loader import Reader, entry_name
from indigo.rules.parameter_keys import PARAMETER_KEYS, UNITS
from indigo.rules.vocabulary import value_clean

KEY_FIELDS = {"key", "unit", "versions"}
REQUIRED_VERSION_FIELDS = {"valid_from", "verified", "source"}  # and value, see below


@dataclass(frozen=True)
class ParameterVersionSpec:
    key: str
    unit: str
    valid_from: date
    value: object  # as stored: str for EUR amounts, int otherwise, or None
    verified: bool
    source: str
    notes: str

    def field_values(self) -> dict:
        return {
            "unit": self.unit,
            "value": self.value,
            "verified": self.verified,
            "source": self.source,
            "notes": self.notes,
        }


def parameter_value_clean(*, key: str, unit: str, value) -> object:
    """The value as stored for `unit`; raises InvalidInput. None (not found) stays None."""
    if value is None:
        return None
    try:
        return value_clean(UNITS[unit], value)
    except ValueError as exc:
        raise InvalidInput(f"must be {exc}; got {value!r}", field="value") from exc


def parameter_file_read(*, path: Path) -> list[ParameterVersionSpec]:
    """Read and validate the parameter file at ``path``; LawDataError if it is wrong."""
    return ParameterReader().read(path)


class ParameterReader(Reader):
    def parse(self, data) -> list[ParameterVersionSpec]:
        where = "parameter file"
        if self.mapping(data, where, required={"parameters"}, optional={"shared"}) is None:
            return []
        specs: list[ParameterVersionSpec] = []
        seen: set[str] = set()
        for index, entry in enumerate(self.items(data, "parameters", where), start=1):
            specs += self.key_versions(entry, index, seen)
        return specs

    def key_versions(self, entry, index: int, seen: set[str]) -> list[ParameterVersionSpec]:
        key = entry.get("key") if isinstance(entry, dict) else None
        where = entry_name("parameter", key if isinstance(key, str) else "", index)
        if self.mapping(entry, where, required=KEY_FIELDS) is None or "key" not in entry:
            return []
        declared = PARAMETER_KEYS.get(key) if isinstance(key, str) else None
        if declared is None:
            self.error(
                where,
                "key",
                f"no rule reads a parameter {key!r}. Check the spelling; a new key must "
                "first be declared in indigo/rules/parameter_keys.py (PARAMETER_KEYS)",
            )
            return []
        if key in seen:
            self.error(where, "key", "listed twice; put all its versions under one entry")
            return []
        seen.add(key)
        unit = entry.get("unit")
        if unit != declared.unit:
            self.error(where, "unit", f"must be '{declared.unit}', not {unit!r}")
            return []
        return self.versions(
            entry, "versions", where, lambda raw, i: self.version(key, unit, raw, where, i)
        )

    def version(self, key: str, unit: str, raw, key_where: str, index: int):
        valid_from, where = self.version_where(raw, key_where, index)
        before = len(self.errors)
        optional = {"value", "notes"}
        if self.mapping(raw, where, required=REQUIRED_VERSION_FIELDS, optional=optional) is None:
            return None
        if "value" not in raw:
            self.error(where, "value", "missing (write null if no figure was found)")
        source = self.text(raw, "source", where)
        verified = self.flag(raw, "verified", where)
        notes = self.text(raw, "notes", where, blank=True)
        value = None
        try:
            value = parameter_value_clean(key=key, unit=unit, value=raw.get("value"))
        except InvalidInput as exc:
            self.error(where, "value", exc.message)
        if value is None and verified is True:
            self.error(where, "verified", "a missing value (null) cannot be verified")
        if len(self.errors) > before or valid_from is None:
            return None
        return ParameterVersionSpec(
            key=key,
            unit=unit,
            valid_from=valid_from,
            value=value,
            verified=verified,
            source=source,
            notes=notes,
        )
