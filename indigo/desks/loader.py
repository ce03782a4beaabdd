"""Loading the desks configuration (``data/desks.yaml``) into the database.

``desks_load`` reads the whole file first and refuses it with every problem listed when
any part is wrong; otherwise it brings appointment types, desks, opening hours, capacity
and closed days in line with the file in one transaction. Loading the same file again
changes nothing. Desks and appointment types missing from the file are kept and
reported: appointments refer to them.
"""

from datetime import time
from pathlib import Path

from indigo.catalog.models import Product
from indigo.desks.models import AppointmentType, Capacity, ClosedDay, Desk, OpeningHours
from indigo.lawdata.loader import LoadReport, Reader, all_or_nothing, row_sync
from indigo.organisation.models import Location

DEFAULT_DESKS_PATH = Path(__file__).resolve().parent / "data" / "desks.yaml"
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

TYPE_KEYS = {"code", "name_en", "name_nl", "duration_minutes", "source"}
TYPE_FLAGS = ("takes_biometrics", "issues_residence_document")
DESK_KEYS = {"code", "kind", "name_en", "name_nl", "location", "source"}
DESK_OPTIONAL = {"address", "products", "active", "opening_hours", "capacity"}

__all__ = ["DEFAULT_DESKS_PATH", "desks_load"]


# --- reading and checking the file ----------------------------------------------------


class DesksReader(Reader):
    def parse(self, data) -> dict:
        where = "desks file"
        required, optional = {"appointment_types", "desks"}, {"closed_days", "shared"}
        if self.mapping(data, where, required=required, optional=optional) is None:
            return {}
        types = self.appointment_types(data)
        desks = self.desks(data, {t["code"] for t in types})
        self.check_products(desks)
        closed = self.closed_days(data, {d["code"] for d in desks})
        return {"types": types, "desks": desks, "closed_days": closed}

    def appointment_types(self, data: dict) -> list[dict]:
        types, seen = [], set()
        for index, raw in enumerate(self.items(data, "appointment_types", "desks file"), 1):
            raw, code, where = self.entry(
                raw, "appointment type", index, required=TYPE_KEYS, optional=set(TYPE_FLAGS)
            )
            if raw is None:
                continue
            if code in seen:
                self.error(where, "code", "appears more than once")
            seen.add(code)
            values = {
                "name_en": self.text(raw, "name_en", where),
                "name_nl": self.text(raw, "name_nl", where),
                "duration_minutes": self.whole_number(raw, "duration_minutes", where),
                "source": self.text(raw, "source", where),
            }
            values |= {key: self.flag(raw, key, where, default=False) for key in TYPE_FLAGS}
            types.append({"code": code, **values})
        return types

    def desks(self, data: dict, type_codes: set[str]) -> list[dict]:
        desks, seen = [], set()
        for index, raw in enumerate(self.items(data, "desks", "desks file"), start=1):
            raw, code, where = self.entry(
                raw, "desk", index, required=DESK_KEYS, optional=DESK_OPTIONAL
            )
            if raw is None:
                continue
            if code in seen:
                self.error(where, "code", "appears more than once")
            seen.add(code)
            desks.append(
                {
                    "code": code,
                    "kind": self.choice(raw, "kind", where, allowed=Desk.Kind.values),
                    "name_en": self.text(raw, "name_en", where),
                    "name_nl": self.text(raw, "name_nl", where),
                    "location": self.location(raw, where),
                    "address": self.text(raw, "address", where, blank=True),
                    "products": [str(p) for p in self.items(raw, "products", where, empty=True)],
                    "active": self.flag(raw, "active", where, default=True),
                    "source": self.text(raw, "source", where),
                    "hours": self.opening_hours(raw, where),
                    "capacity": self.capacity(raw, where, type_codes),
                    "where": where,
                }
            )
        return desks

    def location(self, raw: dict, where: str) -> dict:
        if "location" not in raw:
            return {}
        location = self.mapping(
            raw["location"], where, "location", required={"code", "name", "city"}
        )
        if location is None:
            return {}
        return {
            "code": self.code(location, where, "location"),
            "name": self.text(location, "name", where, "location"),
            "city": self.text(location, "city", where, "location"),
        }

    def opening_hours(self, raw: dict, where: str) -> set[tuple[int, time, time]]:
        hours: set[tuple[int, time, time]] = set()
        for index, period in enumerate(self.items(raw, "opening_hours", where, empty=True), 1):
            at = f"opening_hours[{index}]"
            if self.mapping(period, where, at, required={"days", "opens", "closes"}) is None:
                continue
            days = self.choices(period, "days", where, at, allowed=list(WEEKDAYS), noun="day")
            opens = self.clock_time(period, "opens", where, at)
            closes = self.clock_time(period, "closes", where, at)
            if opens is None or closes is None:
                continue
            if closes <= opens:
                self.error(where, at, "closes before it opens")
                continue
            for name in days:
                day = WEEKDAYS[name]
                if any(d == day and opens < c and o < closes for d, o, c in hours):
                    self.error(where, at, f"overlaps another period on {name}")
                hours.add((day, opens, closes))
        return hours

    def capacity(self, raw: dict, where: str, type_codes: set[str]) -> dict[str, int]:
        if "capacity" not in raw:
            return {}
        capacity = raw["capacity"]
        if not isinstance(capacity, dict):
            self.error(where, "capacity", "must be a mapping of appointment type to counters")
            return {}
        seats = {}
        for type_code in capacity:
            if type_code not in type_codes:
                self.error(
                    where, f"capacity.{type_code}", f"{type_code!r} is not an appointment type"
                )
            seats[type_code] = self.whole_number(capacity, type_code, where, "capacity")
        return seats

    def clock_time(self, raw: dict, key: str, where: str, field: str) -> time | None:
        if key not in raw:
            return None
        try:
            return time.fromisoformat(str(raw[key]))
        except ValueError:
            self.error(where, f"{field}.{key}", f'{raw[key]!r} is not a time like "09:00"')
            return None

    def check_products(self, desks: list[dict]) -> None:
        """Product codes must be in the catalog (when one is loaded: a typo would
        silently close an expat centre to its target group)."""
        known = set(Product.objects.values_list("code", flat=True))
        if not known:
            return
        for desk in desks:
            for code in desk["products"]:
                if code not in known:
                    self.error(
                        desk["where"], "products", f"{code!r} is not a product in the catalog"
                    )

    def closed_days(self, data: dict, desk_codes: set[str]) -> list[dict]:
        days = []
        for index, raw in enumerate(self.items(data, "closed_days", "desks file", empty=True), 1):
            where = f"closed day #{index}"
            required, optional = {"date", "reason"}, {"desk"}
            if self.mapping(raw, where, required=required, optional=optional) is None:
                continue
            day = self.day(raw, "date", where)
            where = f"closed day {day:%Y-%m-%d}" if day else where
            desk = raw.get("desk") or None
            if desk is not None and desk not in desk_codes:
                self.error(where, "desk", f"{desk!r} is not a desk in this file")
            days.append({"day": day, "desk": desk, "reason": self.text(raw, "reason", where)})
        return days


# --- bringing the database in line ----------------------------------------------------


def _load_desk(spec: dict, types: dict[str, AppointmentType], report: LoadReport) -> Desk:
    loc = spec["location"]
    location, created = Location.objects.get_or_create(
        code=loc["code"], defaults={"name": loc["name"], "city": loc["city"]}
    )
    if created:
        report.created.append(f"location {location.code}")
    values = {k: spec[k] for k in ("kind", "name_en", "name_nl", "address", "products")}
    values |= {"active": spec["active"], "source": spec["source"], "location": location}
    desk = row_sync(
        report, f"desk {spec['code']}", Desk, lookup={"code": spec["code"]}, values=values
    )

    label = f"opening hours of desk {desk.code}"
    current = {(h.weekday, h.opens, h.closes) for h in desk.opening_hours.all()}
    if current != spec["hours"]:
        desk.opening_hours.all().delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(desk=desk, weekday=d, opens=o, closes=c)
            for d, o, c in sorted(spec["hours"])
        )
        (report.updated if current else report.created).append(label)
    else:
        report.unchanged.append(label)

    for type_code, seats in spec["capacity"].items():
        row_sync(
            report,
            f"capacity {desk.code}/{type_code}",
            Capacity,
            lookup={"desk": desk, "appointment_type": types[type_code]},
            values={"seats": seats},
        )
    for capacity in desk.capacities.exclude(appointment_type__code__in=list(spec["capacity"])):
        report.deleted.append(f"capacity {desk.code}/{capacity.appointment_type.code}")
        capacity.delete()
    return desk


def desks_load(*, path: Path = DEFAULT_DESKS_PATH, stdout=None, dry_run=False) -> LoadReport:
    """Bring the database in line with the desks file; all or nothing (LawDataError)."""
    spec = DesksReader().read(path)
    report = LoadReport("the desks", dry_run=dry_run)
    with all_or_nothing(report):
        types = {
            t["code"]: row_sync(
                report,
                f"appointment type {t['code']}",
                AppointmentType,
                lookup={"code": t["code"]},
                values={k: v for k, v in t.items() if k != "code"},
            )
            for t in spec["types"]
        }
        desks = {d["code"]: _load_desk(d, types, report) for d in spec["desks"]}
        for entry in spec["closed_days"]:
            desk = desks[entry["desk"]] if entry["desk"] else None
            where = entry["desk"] or "every desk"
            row_sync(
                report,
                f"closed day {entry['day']:%Y-%m-%d} ({where})",
                ClosedDay,
                lookup={"desk": desk, "day": entry["day"]},
                values={"reason": entry["reason"]},
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
    if stdout is not None:
        report.write(stdout)
    return report
