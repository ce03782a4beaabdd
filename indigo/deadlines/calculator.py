"""The due date of a decision (beslistermijn) and its status on a given day.

The decision period (e.g. 90 days, Vw 2000 art. 25; 6 months for asylum, Vw 2000
art. 42) starts running the day after the application is received. Its end moves:

- by an extension (verlenging), added on top of the raw end;
- by every day the period is suspended (opschorting, Awb 4:15);
- finally under the Algemene termijnenwet art. 1-2 (``termijnenwet.apply_atw``).

Counting convention for a suspension, following Awb 4:15 lid 1(a), which suspends the
period from the day after the invitation to supplement the application until the day
it is supplemented or the repair period (hersteltermijn) has passed unused.
``start`` is the first suspended day (the day after the invitation); ``end`` is the
first day the period runs again, exclusive. The number of suspended days is
``(end - start).days``. An open suspension (``end`` is None) counts until
``max(today, planned_end)`` when a planned end is known, otherwise until ``today``;
it never counts fewer than zero days. Overlapping suspensions count each day once.

A suspension is counted wherever it falls, also after the unsuspended period would
have ended; whether a late invitation can still suspend is for the caller to decide.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from indigo.deadlines.periods import Period, add_period
from indigo.deadlines.termijnenwet import apply_atw


@dataclass(frozen=True)
class Suspension:
    """A suspension (opschorting) of the decision period, Awb 4:15; ``end`` is exclusive."""

    start: date
    end: date | None
    planned_end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError(
                f"a suspension cannot end ({self.end}) before it starts ({self.start})"
            )
        if self.planned_end is not None and self.planned_end < self.start:
            raise ValueError(
                f"a suspension cannot be planned to end ({self.planned_end}) "
                f"before it starts ({self.start})"
            )

    @property
    def is_open(self) -> bool:
        return self.end is None

    def counted_until(self, *, today: date) -> date:
        """The exclusive end used for counting: ``end``, or for an open suspension
        ``max(today, planned_end)`` (just ``today`` without a planned end)."""
        if self.end is not None:
            return self.end
        until = today if self.planned_end is None else max(today, self.planned_end)
        return max(until, self.start)

    def days(self, *, today: date) -> int:
        """Number of suspended days: ``(end - start).days``."""
        return (self.counted_until(today=today) - self.start).days


def suspended_days(suspensions: Sequence[Suspension], *, today: date) -> int:
    """Total suspended days; overlapping or repeated suspensions count each day once."""
    total, counted_to = 0, date.min
    for start, end in sorted((s.start, s.counted_until(today=today)) for s in suspensions):
        start = max(start, counted_to)  # skip days an earlier suspension already counted
        if end > start:
            total += (end - start).days
            counted_to = end
    return total


def decision_due(
    *,
    received_on: date,
    period: Period,
    suspensions: Sequence[Suspension] = (),
    extension: Period | None = None,
    today: date,
) -> date:
    """The last day on which the decision is due.

    Raw end (``add_period(received_on, period)``), plus the extension on top of it, plus
    the suspended days, then extended under Atw art. 1-2 (period starting at
    ``received_on``). ``today`` matters only for open suspensions.
    """
    for suspension in suspensions:
        if suspension.start < received_on:
            raise ValueError(
                f"a suspension cannot start ({suspension.start}) before the application "
                f"was received ({received_on})"
            )
    end = add_period(received_on, period)
    if extension is not None:
        end = add_period(end, extension)
    end += timedelta(days=suspended_days(suspensions, today=today))
    return apply_atw(received_on, end)


@dataclass(frozen=True)
class DeadlineStatus:
    """Where a decision period stands on ``today``; ``days_left`` is negative once passed."""

    due: date
    days_left: int
    suspended: bool
    extended: bool
    passed: bool


def deadline_status(
    *,
    received_on: date,
    period: Period,
    suspensions: Sequence[Suspension] = (),
    extension: Period | None = None,
    today: date,
) -> DeadlineStatus:
    """The due date as of ``today`` and whether it is suspended, extended or passed.

    Suspended: any suspension is open, or ``today`` lies in a closed one's [start, end).
    """
    due = decision_due(
        received_on=received_on,
        period=period,
        suspensions=suspensions,
        extension=extension,
        today=today,
    )
    return DeadlineStatus(
        due=due,
        days_left=(due - today).days,
        suspended=any(s.is_open or s.start <= today < s.end for s in suspensions),
        extended=extension is not None,
        passed=today > due,
    )
