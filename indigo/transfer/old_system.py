"""Reading the old system's export through a mapping file (docs/migration/).

The old system exports its cases as a CSV file, one case per row. A mapping file
(YAML) says which column holds which Indigo field, how its codes translate to Indigo's
(products, statuses), the date format, and defaults for what the old system does not
have. Each row becomes an application record of the transfer format with one event,
its receipt, on the receipt date; from there the same importer validates and writes it,
all or nothing per application, skipping references already here.
"""

import csv
from datetime import datetime
from pathlib import Path

import yaml

from indigo import clock
from indigo.transfer.importer import ImportReport, RecordInvalid, records_import

REQUIRED = (
    "reference",
    "product",
    "received_on",
    "decision_due",
    "status",
    "applicant.given_names",
    "applicant.surname",
    "applicant.date_of_birth",
    "applicant.nationality",
)
DATES = {"received_on", "decision_due", "applicant.date_of_birth"}


class MappingInvalid(Exception):
    """The mapping file or the CSV's columns do not fit; nothing was imported."""


def mapping_read(path: Path) -> dict:
    try:
        mapping = yaml.safe_load(Path(path).read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise MappingInvalid(f"{path}: cannot be read ({exc})") from None
    if not isinstance(mapping, dict) or mapping.get("format") != "csv":
        raise MappingInvalid(f"{path}: say `format: csv` and map the columns")
    columns = mapping.get("columns")
    if not isinstance(columns, dict):
        raise MappingInvalid(f"{path}: `columns` must map Indigo fields to CSV columns")
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise MappingInvalid(f"{path}: the mapping lacks {', '.join(missing)}")
    mapping.setdefault("delimiter", ",")
    mapping.setdefault("date_format", "%Y-%m-%d")
    mapping.setdefault("values", {})
    mapping.setdefault("defaults", {})
    return mapping


def _set(record: dict, dotted: str, value) -> None:
    target = record
    *parents, name = dotted.split(".")
    for parent in parents:
        target = target.setdefault(parent, {})
    target[name] = value


def row_record(row: dict, mapping: dict) -> dict:
    record: dict = {"applicant": {}}
    for dotted, value in mapping["defaults"].items():
        _set(record, dotted, value)
    for dotted, column in mapping["columns"].items():
        value = (row.get(column) or "").strip()
        translate = mapping["values"].get(dotted)
        if translate is not None and value:
            if value not in translate:
                raise RecordInvalid(f"{column} {value!r} has no translation in the mapping")
            value = translate[value]
        if dotted in DATES and value:
            try:
                value = datetime.strptime(value, mapping["date_format"]).date().isoformat()
            except ValueError:
                raise RecordInvalid(
                    f"{column} {value!r} is not a date in the format {mapping['date_format']}"
                ) from None
        _set(record, dotted, value)
    record.setdefault("channel", "post")
    received = record.get("received_on") or ""
    try:
        moment = clock.at_noon(datetime.fromisoformat(received).date()).isoformat()
    except ValueError:
        moment = None
    record["events"] = [
        {
            "occurred_at": moment,
            "effective_on": received,
            "actor": None,
            "action": "receive",
            "from_status": "",
            "to_status": "received",
            "reason": f"Imported from the old system (case {record.get('reference')}).",
            "payload": {
                "product": record.get("product"),
                "channel": record.get("channel"),
                "decision_due": record.get("decision_due"),
            },
        }
    ]
    return record


def import_old_system(directory: Path, *, mapping: Path, progress_stream=None) -> ImportReport:
    rules = mapping_read(mapping)
    path = Path(directory) / rules.get("file", "cases.csv")
    if not path.is_file():
        raise MappingInvalid(f"{path}: the old system's file is not there")
    with open(path, newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream, delimiter=rules["delimiter"])
        header = reader.fieldnames or []
        absent = [c for c in rules["columns"].values() if c not in header]
        if absent:
            raise MappingInvalid(
                f"{path.name}: the columns {', '.join(absent)} are missing (the file has: "
                f"{', '.join(header)})"
            )
        total = sum(1 for _ in reader)

    def records():
        with open(path, newline="", encoding="utf-8-sig") as stream:
            for number, row in enumerate(
                csv.DictReader(stream, delimiter=rules["delimiter"]), start=2
            ):
                try:
                    yield f"row {number}", row_record(row, rules)
                except RecordInvalid as exc:
                    yield f"row {number}", exc

    return records_import(records(), total=total, progress_stream=progress_stream)
