"""How urgent a task is: the last day its work can start and still meet the deadline.

    start_by(task)   = decision_due - reserve - expected_days(task)
    start_by(handle) = decision_due - reserve - longest expected_days of the open
                       assessment tasks (or, before assessment, of the version's
                       task definitions: they will run in parallel)

`reserve` (settings.INDIGO_DECISION_RESERVE_DAYS) is what the owner needs after the
last task for the decision and its notification. All in calendar days, like the
decision period itself. Ordering by start_by puts work whose slack is smallest first:
a task with a far deadline but long expected work can come before a short task with
a nearer deadline, which is the point (R8: steer on timeliness, not arrival).

Marks: `late` once the legal deadline has passed, `at-risk` once start_by has passed.
"""

from datetime import date, timedelta

from django.conf import settings


def reserve_days() -> int:
    return settings.INDIGO_DECISION_RESERVE_DAYS


def start_by(*, decision_due: date, expected_days: int) -> date:
    return decision_due - timedelta(days=reserve_days() + expected_days)


def mark(*, start_by: date, decision_due: date, today: date) -> str:
    if today > decision_due:
        return "late"
    if today >= start_by:
        return "at-risk"
    return "on-track"
