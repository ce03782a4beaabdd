"""The period to decide on an objection (Awb 7:10) as law-dated data; pure."""

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from indigo.deadlines.periods import Period, PeriodUnit, add_period
from indigo.deadlines.termijnenwet import apply_atw
from indigo.lawdata.loader import Reader

PERIODS_FILE = Path(__file__).resolve().parent / "data" / "objection_periods.yaml"


@dataclass(frozen=True)
class ObjectionPeriods:
    valid_from: date
    decide_weeks: int
    decide_weeks_committee: int
    adjournment_weeks: int
    source: str
    notes: str = ""


class ObjectionPeriodsReader(Reader):
    def parse(self, data) -> list[ObjectionPeriods]:
        top = self.mapping(data, "objection periods", required={"versions"})
        if top is None:
            return []
        return self.versions(top, "versions", "objection periods", self._version)

    def _version(self, raw, index: int) -> ObjectionPeriods | None:
        valid_from, where = self.version_where(raw, "objection periods", index)
        keys = {"valid_from", "decide_weeks", "decide_weeks_committee", "adjournment_weeks"}
        entry = self.mapping(raw, where, required=keys | {"source"}, optional={"notes"})
        if entry is None or valid_from is None:
            return None
        return ObjectionPeriods(
            valid_from=valid_from,
            decide_weeks=self.whole_number(entry, "decide_weeks", where),
            decide_weeks_committee=self.whole_number(entry, "decide_weeks_committee", where),
            adjournment_weeks=self.whole_number(entry, "adjournment_weeks", where),
            source=self.text(entry, "source", where),
            notes=self.text(entry, "notes", where, blank=True),
        )


@cache
def objection_periods() -> tuple[ObjectionPeriods, ...]:
    return tuple(ObjectionPeriodsReader().read(PERIODS_FILE))


def periods_on(day: date) -> ObjectionPeriods:
    in_force = [v for v in objection_periods() if v.valid_from <= day]
    if not in_force:
        raise LookupError(f"no objection periods in force on {day:%Y-%m-%d}")
    return in_force[-1]


def objection_decision_due(
    *, objection_period_ends: date, committee: bool, adjourned: bool, extra_weeks: int = 0
) -> date:
    """The last day to decide on the objection: six weeks (twelve with an advisory
    committee) from the day after the period to object ended, plus an adjournment of
    six weeks, plus weeks the objector agreed to; moved by the Algemene termijnenwet."""
    rules = periods_on(objection_period_ends)
    weeks = rules.decide_weeks_committee if committee else rules.decide_weeks
    if adjourned:
        weeks += rules.adjournment_weeks
    weeks += extra_weeks
    raw = add_period(objection_period_ends, Period(weeks, PeriodUnit.WEEKS))
    return apply_atw(objection_period_ends, raw)
