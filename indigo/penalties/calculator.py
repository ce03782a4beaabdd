"""The penalty for a late decision on one day: pure arithmetic on dates and amounts.

Administrative penalty (dwangsom, Awb 4:17):

- it is due only on a written notice of default (ingebrekestelling) received *after*
  the decision period passed; a notice received earlier is premature and starts
  nothing (it is registered all the same);
- the first penalty day is the day on which ``grace_days`` (two weeks) have passed
  after the later of the last day of the period and the day the notice was received:
  period ends 1 March, notice received 3 March → first day 17 March;
- it accrues per day by the bands (€23 for days 1-14, €35 for 15-28, €45 for 29-42),
  for at most ``max_days`` days; the Algemene termijnenwet does not apply to them;
- it stops on the day of the decision: that day and later days are not counted;
- no administrative penalty for the processes the rules exempt (asylum, since
  10 July 2020);
- once it stopped (a decision, or the maximum), the agency sets the amount by decision
  within ``fix_within_days`` (two weeks) after the last penalty day (Awb 4:18): `fix_by`.

A court-set penalty (rechterlijke dwangsom) runs from the day after the date the court
set for the decision, at the court's own amount per day, up to the court's cap.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from indigo.penalties.rules import PenaltyRules

ZERO = Decimal("0.00")


class State:
    NO_NOTICE = "no-notice"
    PREMATURE = "premature"  # notice received before the period had passed
    EXEMPT = "exempt"  # the law excludes this process
    NOT_STARTED = "not-started"  # the two weeks after the notice are still running
    RUNNING = "running"
    STOPPED = "stopped"  # decided after the penalty started
    DECIDED_IN_TIME = "decided-in-time"  # decided before the first penalty day
    MAXIMUM = "maximum"  # all days counted


@dataclass(frozen=True)
class Penalty:
    state: str
    starts_on: date | None = None
    last_possible_day: date | None = None
    days: int = 0
    amount: Decimal = ZERO
    maximum: Decimal = ZERO
    fix_by: date | None = None  # Awb 4:18: set the amount by decision by this day

    @property
    def can_run(self) -> bool:
        """A penalty is running or will start unless the decision comes first."""
        return self.state in (State.NOT_STARTED, State.RUNNING)


def amount_for_days(rules: PenaltyRules, days: int) -> Decimal:
    """The sum of the first ``days`` penalty days, never above the cap."""
    total, left = ZERO, min(days, rules.max_days)
    for band in rules.bands:
        counted = min(left, band.days)
        total += band.eur_per_day * counted
        left -= counted
    return min(total, rules.max_total_eur)


def _counted(starts_on: date, *, on: date, decided_on: date | None, max_days: int | None) -> int:
    last = on
    if decided_on is not None:
        last = min(last, decided_on - timedelta(days=1))
    days = (last - starts_on).days + 1
    if max_days is not None:
        days = min(days, max_days)
    return max(days, 0)


def administrative_penalty(
    *,
    rules: PenaltyRules,
    process: str,
    period_ends: date,
    notice_received_on: date | None,
    on: date,
    decided_on: date | None = None,
) -> Penalty:
    """The administrative penalty on day ``on`` (see the module docstring).

    ``period_ends``: the last day of the decision period; ``decided_on``: the day the
    decision was given (None while there is none).
    """
    if notice_received_on is None:
        return Penalty(State.NO_NOTICE)
    if notice_received_on <= period_ends:
        return Penalty(State.PREMATURE)
    if process in rules.exempt_processes:
        return Penalty(State.EXEMPT)
    starts_on = max(period_ends, notice_received_on) + timedelta(days=rules.grace_days)
    last_possible = starts_on + timedelta(days=rules.max_days - 1)
    days = _counted(starts_on, on=on, decided_on=decided_on, max_days=rules.max_days)
    if decided_on is not None and decided_on <= starts_on:
        state = State.DECIDED_IN_TIME
    elif days == rules.max_days:
        state = State.MAXIMUM
    elif decided_on is not None and decided_on <= on:
        state = State.STOPPED
    elif days == 0:
        state = State.NOT_STARTED
    else:
        state = State.RUNNING
    fix_by = None
    if state in (State.STOPPED, State.MAXIMUM) and days:
        last_day = starts_on + timedelta(days=days - 1)
        fix_by = last_day + timedelta(days=rules.fix_within_days)
    return Penalty(
        state,
        starts_on=starts_on,
        last_possible_day=last_possible,
        days=days,
        amount=amount_for_days(rules, days),
        maximum=rules.max_total_eur,
        fix_by=fix_by,
    )


def court_penalty(
    *,
    decide_by: date,
    eur_per_day: Decimal,
    max_total_eur: Decimal,
    on: date,
    decided_on: date | None = None,
) -> Penalty:
    """A penalty a court set: from the day after ``decide_by``, up to its cap."""
    starts_on = decide_by + timedelta(days=1)
    days = _counted(starts_on, on=on, decided_on=decided_on, max_days=None)
    amount = min(eur_per_day * days, max_total_eur)
    if decided_on is not None and decided_on <= starts_on:
        state = State.DECIDED_IN_TIME
    elif amount >= max_total_eur:
        state = State.MAXIMUM
    elif decided_on is not None and decided_on <= on:
        state = State.STOPPED
    elif days == 0:
        state = State.NOT_STARTED
    else:
        state = State.RUNNING
    if state == State.MAXIMUM:
        # Days after the cap was reached add nothing.
        days = min(days, -(-max_total_eur // eur_per_day)) if eur_per_day else days
    return Penalty(
        state,
        starts_on=starts_on,
        days=int(days),
        amount=amount.quantize(Decimal("0.01")),
        maximum=max_total_eur,
    )
