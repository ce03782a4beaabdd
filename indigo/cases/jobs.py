"""Periodic jobs of the cases app (run by `indigo worker`, see settings.INDIGO_SCHEDULE)."""

from indigo.cases.information_requests import information_requests_expire
from indigo.cases.services import deadlines_refresh


def deadlines_daily(*, progress=None) -> dict[str, int]:
    """End repair periods that passed unused, then move the due dates of suspended
    applications. Idempotent: a second run on the same day changes nothing."""
    expired = information_requests_expire()
    moved = deadlines_refresh(progress=progress)
    return {"repair_periods_ended": expired, "due_dates_moved": moved}
