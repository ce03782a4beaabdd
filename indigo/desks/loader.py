"""Loading the desks configuration (``data/desks.yaml``) into the database.

``desks_load`` reads the whole file first and refuses it with every problem listed when
any part is wrong; otherwise it brings appointment types, desks, opening hours, capacity
and closed days in line with the file in one transaction. Loading the same file again
changes nothing. Desks and appointment types missing from the file are kept and
reported: appointments refer to them.
"""

from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import yaml
from django.db import transaction
from django.utils.text import slugify

from indigo.desks.models import AppointmentType, Capacity, ClosedDay, Desk, OpeningHours
from indigo.organisation.models import Location

DEFAULT_DESKS_PATH = Path(__file__).resolve().parent / "data" / "desks.yaml"
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

__all__ = ["DEFAULT_DESKS_PATH", "DesksDataError", "LoadReport", "desks_load"]


class DesksDataError(Exception):
    """The file cannot be loaded; the message lists every problem found."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # in the database, not in the file
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def lines(self) -> list[str]:
        lines = [f"created {what}" for what in self.created]
        lines += [f"updated {what}" for what in self.updated]
        lines += [f"deleted {what}" for what in self.deleted]
        lines += [f"kept (not in the file) {what}" for what in self.kept]
        if not self.changed:
            lines.append("The desks are up to date; nothing changed.")
        if self.dry_run:
            lines.append("Dry run: nothing was saved.")
        return lines


# --- reading and checking the file ----------------------------------------------------


class _Reader:
    def __init__(self):
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def text(self, entry: dict, key: str, where: str, *, required=True) -> str:
        value = entry.get(key)
        value = "" if value is None else str(value).strip()
        if required and not value:
            self.error(f"{where}.{key}", "is missing")
        return value

    def code(self, entry: dict, where: str) -> str:
        code = self.text(entry, "code", where)
        if code and slugify(code) != code:
            self.error(f"{where}.code", f"{code!r} is not a code like 'den-haag'")
        return code

    def flag(self, entry: dict, key: str, where: str) -> bool:
        value = entry.get(key, False)
        if not isinstance(value, bool):
            self.error(f"{where}.{key}", "must be true or false")
        return bool(value)

    def count(self, value, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.error(where, "must be a whole number of 1 or more")
            return 1
        return value

    def clock_time(self, entry: dict, key: str, where: str) -> time:
        try:
            return time.fromisoformat(str(entry.get(key)))
        except ValueError:
            self.error(f"{where}.{key}", 'must be a time like "09:00"')
            return time(0)


def _read(path: Path) -> dict:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DesksDataError(f"{path}: cannot be read: {exc}") from exc
    reader = _Reader()
    types = _read_types(reader, raw.get("appointment_types") or [])
    desks = _read_desks(reader, raw.get("desks") or [], {t["code"] for t in types})
    _check_products(reader, desks)
    closed = _read_closed_days(reader, raw.get("closed_days") or [], {d["code"] for d in desks})
    if reader.errors:
        raise DesksDataError(f"{path} was not loaded:\n" + "\n".join(reader.errors))
    return {"types": types, "desks": desks, "closed_days": closed}


def _read_types(reader: _Reader, entries: list) -> list[dict]:
    types, seen = [], set()
    for i, entry in enumerate(entries):
        where = f"appointment_types[{i}]"
        code = reader.code(entry, where)
        if code in seen:
            reader.error(f"{where}.code", f"{code!r} is listed twice")
        seen.add(code)
        types.append(
            {
                "code": code,
                "name_en": reader.text(entry, "name_en", where),
                "name_nl": reader.text(entry, "name_nl", where),
                "duration_minutes": reader.count(
                    entry.get("duration_minutes"), f"{where}.duration_minutes"
                ),
                "takes_biometrics": reader.flag(entry, "takes_biometrics", where),
                "issues_residence_document": reader.flag(entry, "issues_residence_document", where),
                "source": reader.text(entry, "source", where),
            }
        )
    return types


def _read_hours(reader: _Reader, entries: list, where: str) -> set[tuple[int, time, time]]:
    hours: set[tuple[int, time, time]] = set()
    for j, period in enumerate(entries or []):
        at = f"{where}.opening_hours[{j}]"
        opens = reader.clock_time(period, "opens", at)
        closes = reader.clock_time(period, "closes", at)
        if closes <= opens:
            reader.error(at, "closes before it opens")
        for name in period.get("days") or []:
            if name not in WEEKDAYS:
                reader.error(f"{at}.days", f"{name!r} is not one of {', '.join(WEEKDAYS)}")
                continue
            day = WEEKDAYS[name]
            for other_day, other_opens, other_closes in hours:
                if other_day == day and opens < other_closes and other_opens < closes:
                    reader.error(at, f"overlaps another period on {name}")
            hours.add((day, opens, closes))
    return hours


def _read_desks(reader: _Reader, entries: list, type_codes: set[str]) -> list[dict]:
    desks, seen = [], set()
    for i, entry in enumerate(entries):
        where = f"desks[{i}]"
        code = reader.code(entry, where)
        if code in seen:
            reader.error(f"{where}.code", f"{code!r} is listed twice")
        seen.add(code)
        kind = reader.text(entry, "kind", where)
        if kind and kind not in Desk.Kind.values:
            reader.error(f"{where}.kind", f"must be one of {', '.join(Desk.Kind.values)}")
        location = entry.get("location") or {}
        capacity = {}
        for type_code, seats in (entry.get("capacity") or {}).items():
            if type_code not in type_codes:
                reader.error(f"{where}.capacity", f"{type_code!r} is not an appointment type")
            capacity[type_code] = reader.count(seats, f"{where}.capacity.{type_code}")
        desks.append(
            {
                "code": code,
                "kind": kind,
                "name_en": reader.text(entry, "name_en", where),
                "name_nl": reader.text(entry, "name_nl", where),
                "location": {
                    "code": reader.code(location, f"{where}.location"),
                    "name": reader.text(location, "name", f"{where}.location"),
                    "city": reader.text(location, "city", f"{where}.location"),
                },
                "address": reader.text(entry, "address", where, required=False),
                "products": [str(p) for p in entry.get("products") or []],
                "active": entry.get("active", True) is not False,
                "source": reader.text(entry, "source", where),
                "hours": _read_hours(reader, entry.get("opening_hours"), where),
                "capacity": capacity,
            }
        )
    return desks


def _check_products(reader: _Reader, desks: list[dict]) -> None:
    """Product codes must be in the catalog (when one is loaded: a typo would silently
    close an expat centre to its target group)."""
    from indigo.catalog.models import Product

    known = set(Product.objects.values_list("code", flat=True))
    if not known:
        return
    for i, desk in enumerate(desks):
        for code in desk["products"]:
            if code not in known:
                reader.error(f"desks[{i}].products", f"{code!r} is not a product in the catalog")


def _read_closed_days(reader: _Reader, entries: list, desk_codes: set[str]) -> list[dict]:
    days = []
    for i, entry in enumerate(entries):
        where = f"closed_days[{i}]"
        day = entry.get("date")
        if not isinstance(day, date):
            reader.error(f"{where}.date", "must be a date like 2026-12-24")
        desk = entry.get("desk") or None
        if desk is not None and desk not in desk_codes:
            reader.error(f"{where}.desk", f"{desk!r} is not a desk in this file")
        days.append({"day": day, "desk": desk, "reason": reader.text(entry, "reason", where)})
    return days


# --- bringing the database in line ----------------------------------------------------


def _sync(model, lookup: dict, values: dict, label: str, report: LoadReport):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        report.created.append(label)
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        report.updated.append(f"{label} ({', '.join(changed)})")
    return obj


def _load_desk(spec: dict, types: dict[str, AppointmentType], report: LoadReport) -> Desk:
    loc = spec["location"]
    location, created = Location.objects.get_or_create(
        code=loc["code"], defaults={"name": loc["name"], "city": loc["city"]}
    )
    if created:
        report.created.append(f"location {location.code}")
    values = {k: spec[k] for k in ("kind", "name_en", "name_nl", "address", "products")}
    values |= {"active": spec["active"], "source": spec["source"], "location": location}
    desk = _sync(Desk, {"code": spec["code"]}, values, f"desk {spec['code']}", report)

    current = {(h.weekday, h.opens, h.closes) for h in desk.opening_hours.all()}
    if current != spec["hours"]:
        desk.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(desk=desk, weekday=d, opens=o, closes=c)
            for d, o, c in sorted(spec["hours"])
        )
        (report.updated if current else report.created).append(f"opening hours of desk {desk.code}")

    for type_code, seats in spec["capacity"].items():
        _sync(
            Capacity,
            {"desk": desk, "appointment_type": types[type_code]},
            {"seats": seats},
            f"capacity {desk.code}/{type_code}",
            report,
        )
    for capacity in desk.capacities.exclude(appointment_type__code__in=list(spec["capacity"])):
        report.deleted.append(f"capacity {desk.code}/{capacity.appointment_type.code}")
        capacity.delete()
    return desk


def desks_load(*, path: Path = DEFAULT_DESKS_PATH, stdout=None, dry_run=False) -> LoadReport:
    """Bring the database in line with the desks file; all or nothing."""
    spec = _read(path)
    report = LoadReport(dry_run=dry_run)
    with transaction.atomic():
        types = {
            t["code"]: _sync(
                AppointmentType,
                {"code": t["code"]},
                {k: v for k, v in t.items() if k != "code"},
                f"appointment type {t['code']}",
                report,
            )
            for t in spec["types"]
        }
        desks = {d["code"]: _load_desk(d, types, report) for d in spec["desks"]}
        for entry in spec["closed_days"]:
            desk = desks[entry["desk"]] if entry["desk"] else None
            where = entry["desk"] or "every desk"
            _sync(
                ClosedDay,
                {"desk": desk, "day": entry["day"]},
                {"reason": entry["reason"]},
                f"closed day {entry['day']:%Y-%m-%d} ({where})",
                report,
            )
        report.kept += [
            f"desk {code}"
            for code in Desk.objects.exclude(code__in=list(desks)).values_list("code", flat=True)
        ]
        report.kept += [
            f"appointment type {code}"
            for code in AppointmentType.objects.exclude(code__in=list(types)).values_list(
                "code", flat=True
            )
        ]
        if dry_run:
            transaction.set_rollback(True)
    if stdout is not None:
        for line in report.lines():
            stdout.write(line)
    return report
