"""Operational settings of the desks, with their defaults (not law: planning choices)."""

from django.conf import settings

# How far ahead applicants can book. An assumption (no IND figure was found); a
# deployment sets INDIGO_DESKS_BOOKING_HORIZON_DAYS.
DEFAULT_BOOKING_HORIZON_DAYS = 90


def booking_horizon_days() -> int:
    return int(getattr(settings, "INDIGO_DESKS_BOOKING_HORIZON_DAYS", DEFAULT_BOOKING_HORIZON_DAYS))
