"""The legal deadline of an application, from its pinned product version.

Bridges the stored application to the pure calculator in `indigo.deadlines`.
"""

from dataclasses import dataclass
from datetime import date

from indigo.cases import steps
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, Status
from indigo.catalog.remedies import NoRemedy, remedy_for
from indigo.deadlines import calculator
from indigo.deadlines.periods import add_period
from indigo.deadlines.termijnenwet import apply_atw


@dataclass(frozen=True)
class Deadline:
    due: date
    days_left: int | None  # None once the decision is notified or the application ended
    suspended: bool
    extended: bool
    passed: bool

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0


def _spans(application: Application) -> list[calculator.Suspension]:
    if application.pk is None:  # not saved yet: cannot have suspensions
        return []
    return [
        calculator.Suspension(start=s.start, end=s.end, planned_end=s.planned_end)
        for s in application.suspensions.all()
    ]


def objection_period_end(
    application: Application, *, notified_on: date, outcome: str = "refuse"
) -> date:
    """The last day to object (or appeal) against the decision notified on that day.

    The remedy of the product on that day (``indigo.catalog.remedies``: an objection
    within 4 weeks, Vw 2000 art. 69(1); 6 weeks for naturalisation, Awb 6:7; an appeal
    to the court in asylum, 1 or 4 weeks by procedure, Vw 2000 art. 69), counted from
    the day after notification (Awb 6:8) and moved off weekends and holidays
    (Algemene termijnenwet). The one place this is computed: the letter, the objection
    step and the API all ask here.
    """
    try:
        remedy = remedy_for(application, outcome, on=notified_on)
    except NoRemedy:  # no remedy in the data (checked by `indigo check`): the version's
        raw_end = add_period(notified_on, application.product_version.objection_period)
        return apply_atw(notified_on, raw_end)
    return remedy.last_day(notified_on=notified_on)


def compute_decision_due(application: Application, *, today: date) -> date:
    """The due date from the catalog, unless an app that owns the phase (objections,
    appeals) sets it (`indigo.cases.steps.deadline_rule`)."""
    return steps.deadline_from_rules(application, _catalog_due(application, today=today))


def _catalog_due(application: Application, *, today: date) -> date:
    version = application.product_version
    if application.objection_period_ends is not None:
        # Decision on objection: Awb 7:10, counted from the day after the objection
        # period ends.
        raw = add_period(application.objection_period_ends, version.objection_decision_period)
        return apply_atw(application.objection_period_ends, raw)
    return calculator.decision_due(
        received_on=application.received_on,
        period=version.decision_period,
        suspensions=_spans(application),
        extension=version.extension if application.is_extended else None,
        today=today,
    )


def deadline_of(application: Application, *, today: date) -> Deadline:
    """Deadline facts for people: what is due, how long is left, is it on hold."""
    running = application.status in ACTIVE
    due = application.decision_due
    if running:
        due = compute_decision_due(application, today=today)
    ended_on = today if running else application.notified_on
    return Deadline(
        due=due,
        days_left=(due - today).days if running else None,
        suspended=application.status == Status.SUSPENDED,
        extended=application.is_extended,
        passed=ended_on is not None and ended_on > due,
    )
