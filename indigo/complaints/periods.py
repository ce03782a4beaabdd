"""The period to answer a complaint (Awb 9:11) as law-dated data; pure."""

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from indigo.deadlines.periods import Period, PeriodUnit, add_period
from indigo.deadlines.termijnenwet import apply_atw
from indigo.lawdata.loader import Reader

PERIODS_FILE = Path(__file__).resolve().parent / "data" / "complaint_periods.yaml"


@dataclass(frozen=True)
class ComplaintPeriods:
    valid_from: date
    answer_weeks: int
    answer_weeks_committee: int
    extension_weeks: int
    source: str
    notes: str = ""


class ComplaintPeriodsReader(Reader):
    def parse(self, data) -> list[ComplaintPeriods]:
        top = self.mapping(data, "complaint periods", required={"versions"})
        if top is None:
            return []
        return self.versions(top, "versions", "complaint periods", self._version)

    def _version(self, raw, index: int) -> ComplaintPeriods | None:
        valid_from, where = self.version_where(raw, "complaint periods", index)
        keys = {"valid_from", "answer_weeks", "answer_weeks_committee", "extension_weeks"}
        entry = self.mapping(raw, where, required=keys | {"source"}, optional={"notes"})
        if entry is None or valid_from is None:
            return None
        return ComplaintPeriods(
            valid_from=valid_from,
            answer_weeks=self.whole_number(entry, "answer_weeks", where),
            answer_weeks_committee=self.whole_number(entry, "answer_weeks_committee", where),
            extension_weeks=self.whole_number(entry, "extension_weeks", where),
            source=self.text(entry, "source", where),
            notes=self.text(entry, "notes", where, blank=True),
        )


@cache
def complaint_periods() -> tuple[ComplaintPeriods, ...]:
    return tuple(ComplaintPeriodsReader().read(PERIODS_FILE))


def periods_on(day: date) -> ComplaintPeriods:
    in_force = [v for v in complaint_periods() if v.valid_from <= day]
    if not in_force:
        raise LookupError(f"no complaint periods in force on {day:%Y-%m-%d}")
    return in_force[-1]


def answer_due(
    *, received_on: date, committee: bool, extended: bool, agreed_weeks: int = 0
) -> date:
    """The last day to answer: six weeks (ten with an advisory committee) after receipt,
    four more when postponed once, plus weeks the complainant agreed to in writing;
    moved by the Algemene termijnenwet."""
    rules = periods_on(received_on)
    weeks = rules.answer_weeks_committee if committee else rules.answer_weeks
    if extended:
        weeks += rules.extension_weeks
    weeks += agreed_weeks
    return apply_atw(received_on, add_period(received_on, Period(weeks, PeriodUnit.WEEKS)))
