"""The penalty rules as law-dated data (``data/penalty_rules.yaml``), read once.

Pure: no database. The version in force on a day is the one with the latest
``valid_from`` on or before it (as everywhere in Indigo, ``indigo.lawdata``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from indigo.lawdata.loader import Reader

RULES_FILE = Path(__file__).resolve().parent / "data" / "penalty_rules.yaml"


@dataclass(frozen=True)
class Band:
    """A run of consecutive penalty days at one amount per day."""

    days: int
    eur_per_day: Decimal


@dataclass(frozen=True)
class PenaltyRules:
    """One version of Awb 4:17 (and who is excluded from it)."""

    valid_from: date
    grace_days: int
    max_days: int
    max_total_eur: Decimal
    bands: tuple[Band, ...]
    exempt_processes: frozenset[str]
    source: str
    exemption_source: str = ""
    fix_within_days: int = 14
    notes: str = ""


class PenaltyRulesReader(Reader):
    def parse(self, data) -> list[PenaltyRules]:
        top = self.mapping(data, "penalty rules", required={"versions"})
        if top is None:
            return []
        return self.versions(top, "versions", "penalty rules", self._version)

    def _version(self, raw, index: int) -> PenaltyRules | None:
        valid_from, where = self.version_where(raw, "penalty rules", index)
        entry = self.mapping(
            raw,
            where,
            required={"valid_from", "grace_days", "max_days", "max_total_eur", "bands", "source"},
            optional={"exempt_processes", "exemption_source", "notes", "fix_within_days"},
        )
        if entry is None or valid_from is None:
            return None
        bands = []
        for number, raw_band in enumerate(self.items(entry, "bands", where), start=1):
            field = f"bands[{number}]"
            band = self.mapping(raw_band, where, field, required={"days", "eur_per_day"})
            if band is None:
                continue
            days = self.whole_number(band, "days", where, field)
            amount = self.money(band, "eur_per_day", where, field)
            if days is not None and amount is not None:
                bands.append(Band(days=days, eur_per_day=amount))
        max_days = self.whole_number(entry, "max_days", where)
        if max_days is not None and bands and sum(b.days for b in bands) != max_days:
            self.error(where, "bands", f"the bands' days must add up to max_days ({max_days})")
        exempt = self.items(entry, "exempt_processes", where, empty=True)
        rules = PenaltyRules(
            valid_from=valid_from,
            grace_days=self.whole_number(entry, "grace_days", where, minimum=0),
            max_days=max_days,
            max_total_eur=self.money(entry, "max_total_eur", where),
            bands=tuple(bands),
            exempt_processes=frozenset(str(p) for p in exempt),
            source=self.text(entry, "source", where),
            exemption_source=self.text(entry, "exemption_source", where, blank=True),
            notes=self.text(entry, "notes", where, blank=True),
            fix_within_days=self.whole_number(entry, "fix_within_days", where, minimum=0) or 14,
        )
        if rules.exempt_processes and not rules.exemption_source:
            self.error(where, "exemption_source", "an exemption needs its source")
        return rules


@cache
def penalty_rules() -> tuple[PenaltyRules, ...]:
    """Every version, oldest first (read once per process)."""
    return tuple(PenaltyRulesReader().read(RULES_FILE))


class NoRulesInForce(LookupError):
    pass


def rules_on(day: date, versions: tuple[PenaltyRules, ...] | None = None) -> PenaltyRules:
    """The version in force on ``day``."""
    in_force = [v for v in (versions or penalty_rules()) if v.valid_from <= day]
    if not in_force:
        raise NoRulesInForce(f"no penalty rules in force on {day:%Y-%m-%d}")
    return in_force[-1]
