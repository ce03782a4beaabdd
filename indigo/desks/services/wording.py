"""How an appointment is written in an event's payload and inside a message."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format

from indigo.desks import slots as schedule
from indigo.desks.models import Appointment
from indigo.errors import day


def clock_time(moment: datetime) -> str:
    """`09:30`: the agency's time of day, whatever the viewer's."""
    return date_format(timezone.localtime(moment, timezone.get_default_timezone()), "H:i")


def day_of(moment: datetime) -> str:
    """`3 March 2026`: the agency's day of `moment`, in the active language."""
    return day(schedule.local_day(moment))


def appointment_facts(appointment: Appointment) -> dict:
    return {
        "appointment": appointment.code,
        "desk": appointment.desk.code,
        "type": appointment.appointment_type.code,
        "starts_at": appointment.starts_at.isoformat(),
    }
