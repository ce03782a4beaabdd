"""Reading and validating the parameter file (``data/parameters.yaml``).

The whole file is read before anything is written, and every problem is collected, each
message naming the key, the version (valid_from) and the field, so a functional
administrator can fix the file in one go. See the file's header for its shape.
"""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from indigo.errors import InvalidInput
from indigo.rules.parameter_keys import PARAMETER_KEYS, UNITS
from indigo.rules.vocabulary import value_clean

TOP_FIELDS = {"parameters", "shared"}
KEY_FIELDS = {"key", "unit", "versions"}
VERSION_FIELDS = {"valid_from", "value", "verified", "source", "notes"}
REQUIRED_VERSION_FIELDS = {"valid_from", "value", "verified", "source"}


class ParameterFileError(Exception):
    """The parameter file cannot be loaded; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("The parameters were not loaded:\n" + "\n".join(f"- {e}" for e in errors))


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
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except OSError as exc:
        raise ParameterFileError([f"{path}: cannot be read ({exc.strerror})."]) from exc
    except yaml.YAMLError as exc:
        raise ParameterFileError([f"{path}: is not valid YAML ({exc})."]) from exc
    return parameter_data_read(data)


def parameter_data_read(data) -> list[ParameterVersionSpec]:
    """Validate parsed YAML; raise ParameterFileError listing every problem."""
    errors: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("parameters"), list):
        raise ParameterFileError(["The file must have a list 'parameters'."])
    if unknown := sorted(set(data) - TOP_FIELDS):
        errors.append(f"Unknown top-level fields: {', '.join(unknown)}.")
    specs: list[ParameterVersionSpec] = []
    seen_keys: set[str] = set()
    for index, entry in enumerate(data["parameters"]):
        specs += _read_key(entry, index, seen_keys, errors)
    if errors:
        raise ParameterFileError(errors)
    return specs


def _read_key(entry, index: int, seen: set[str], errors: list[str]) -> list:
    if not isinstance(entry, dict):
        errors.append(f"parameters[{index}]: must be a mapping with key, unit and versions.")
        return []
    key = entry.get("key")
    where = f"parameter '{key}'" if isinstance(key, str) else f"parameters[{index}]"
    if unknown := sorted(set(entry) - KEY_FIELDS):
        errors.append(f"{where}: unknown fields: {', '.join(map(str, unknown))}.")
    if not isinstance(key, str) or not key:
        errors.append(f"{where}: key: missing.")
        return []
    declared = PARAMETER_KEYS.get(key)
    if declared is None:
        errors.append(
            f"{where}: key: no rule reads a parameter '{key}'. Check the spelling; a new "
            "key must first be declared in indigo/rules/parameter_keys.py (PARAMETER_KEYS)."
        )
        return []
    if key in seen:
        errors.append(f"{where}: key: listed twice; put all its versions under one entry.")
        return []
    seen.add(key)
    unit = entry.get("unit")
    if unit != declared.unit:
        errors.append(f"{where}: unit: must be '{declared.unit}', not {unit!r}.")
        return []
    versions = entry.get("versions")
    if not isinstance(versions, list) or not versions:
        errors.append(f"{where}: versions: give at least one version.")
        return []
    specs = [s for i, v in enumerate(versions) if (s := _read_version(key, unit, v, i, errors))]
    starts: set[date] = set()
    for spec in specs:
        if spec.valid_from in starts:
            errors.append(
                f"{where}, version {spec.valid_from:%Y-%m-%d}: valid_from: two versions start "
                "on the same day, so their validity overlaps. Keep one."
            )
        starts.add(spec.valid_from)
    return specs


def _read_version(key: str, unit: str, version, index: int, errors: list[str]):
    where = f"parameter '{key}', versions[{index}]"
    if not isinstance(version, dict):
        errors.append(f"{where}: must be a mapping with valid_from, value, verified, source.")
        return None
    valid_from = _date(version.get("valid_from"))
    if valid_from is None:
        errors.append(
            f"{where}: valid_from: {version.get('valid_from')!r} is not a date (YYYY-MM-DD)."
        )
        return None
    where = f"parameter '{key}', version {valid_from:%Y-%m-%d}"
    problems = []
    if unknown := sorted(set(version) - VERSION_FIELDS):
        problems.append(f"unknown fields: {', '.join(map(str, unknown))}")
    for name in sorted(REQUIRED_VERSION_FIELDS - set(version)):
        hint = " (write null if no figure was found)" if name == "value" else ""
        problems.append(f"{name}: missing{hint}")
    source = version.get("source")
    if "source" in version and (not isinstance(source, str) or not source.strip()):
        problems.append("source: every version cites where its value comes from")
    verified = version.get("verified", False)
    if not isinstance(verified, bool):
        problems.append(f"verified: must be true or false, not {verified!r}")
    notes = version.get("notes") or ""
    if not isinstance(notes, str):
        problems.append("notes: must be text")
    value = None
    try:
        value = parameter_value_clean(key=key, unit=unit, value=version.get("value"))
    except InvalidInput as exc:
        problems.append(f"value: {exc.message}")
    if value is None and verified is True:
        problems.append("verified: a missing value (null) cannot be verified")
    if problems:
        errors.extend(f"{where}: {problem}." for problem in problems)
        return None
    return ParameterVersionSpec(
        key=key,
        unit=unit,
        valid_from=valid_from,
        value=value,
        verified=verified,
        source=source.strip(),
        notes=notes.strip(),
    )


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
