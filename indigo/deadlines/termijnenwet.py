"""Extending a period's end under the Algemene termijnenwet (Atw).

- Art. 1 lid 1: a period set by law that ends on a Saturday, Sunday or generally
  recognised public holiday is extended to the next day that is none of those.
  (Lid 2 excludes periods counted backwards; this module only counts forwards.)
- Art. 2: a period of at least three days is extended, where needed, so that it
  contains at least two days that are not a Saturday, Sunday or public holiday.
- Art. 3: the public holidays; see ``holidays``.

The Atw does not apply to every period: not, for example, to the 42 days of the
penalty for late decisions (dwangsom, Awb 4:17). Callers decide when to apply it.
"""

from datetime import date, timedelta

from indigo.deadlines.holidays import is_working_day

ONE_DAY = timedelta(days=1)


def next_working_day(d: date) -> date:
    """``d`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(d):
        d += ONE_DAY
    return d


def apply_atw(start: date, end: date) -> date:
    """Return the end of the period running from the day after ``start`` through ``end``,
    extended under Atw art. 1 (not on a weekend day or holiday) and art. 2 (a period of
    at least 3 days holds at least 2 working days).
    """
    if end < start:
        raise ValueError(f"a period cannot end ({end}) before it starts ({start})")
    due = next_working_day(end)  # art. 1
    if (end - start).days >= 3:  # art. 2
        due = max(due, _nth_working_day_after(start, 2))
    return due


def _nth_working_day_after(start: date, n: int) -> date:
    day, found = start, 0
    while found < n:
        day += ONE_DAY
        found += is_working_day(day)
    return day
