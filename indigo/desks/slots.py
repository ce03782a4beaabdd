"""Slots: the times a desk receives applicants for one appointment type.

A slot is computed, not stored: the desk's opening hours on that weekday cut into
periods of the type's duration (a period must end by closing time), on a day the desk is
open. Every desk is closed on the public holidays of the Algemene termijnenwet (art. 3,
`indigo.deadlines.holidays`) and on its own closed days. A slot has as many seats as the
desk has counters for the type (`Capacity`); the appointments that are not cancelled
take them. Times are the agency's (Europe/Amsterdam), whatever the viewer's.

A *free* slot is one an applicant can book now: it has a free seat, has not started and
lies within the booking horizon.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from indigo import clock
from indigo.deadlines.holidays import is_atw_holiday
from indigo.desks import conf
from indigo.desks.models import Appointment, AppointmentType, Capacity, ClosedDay, Desk

LIVE = ~Q(state=Appointment.State.CANCELLED)  # appointments that hold a seat


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    ends_at: datetime
    seats: int
    taken: int

    @property
    def free(self) -> int:
        return max(self.seats - self.taken, 0)


def agency_time(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=timezone.get_default_timezone())


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The first moment of `day` and of the next day, in the agency's time."""
    return agency_time(day, time(0)), agency_time(day + timedelta(days=1), time(0))


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def last_bookable_day(today: date | None = None) -> date:
    return (today or clock.today()) + timedelta(days=conf.booking_horizon_days())


def cut(day: date, hours: list[tuple[time, time]], minutes: int) -> list[tuple[datetime, datetime]]:
    """(start, end) of each slot of `minutes` in the opening periods `hours` of `day`;
    a slot must end by closing time."""
    duration = timedelta(minutes=minutes)
    slots = []
    for opens, closes in hours:
        start, closing = agency_time(day, opens), agency_time(day, closes)
        while start + duration <= closing:
            slots.append((start, start + duration))
            start += duration
    return slots


class Plan:
    """The schedule of one desk for one appointment type over a run of days, read with a
    fixed number of queries however many days are asked for."""

    def __init__(self, *, desk: Desk, appointment_type: AppointmentType, first: date, last: date):
        self.desk = desk
        self.appointment_type = appointment_type
        self.first, self.last = first, last
        capacity = Capacity.objects.filter(desk=desk, appointment_type=appointment_type).first()
        self.seats = capacity.seats if capacity and desk.active else 0
        self.hours: dict[int, list[tuple[time, time]]] = defaultdict(list)
        for h in desk.opening_hours.order_by("opens"):
            self.hours[h.weekday].append((h.opens, h.closes))
        self.closed = set(
            ClosedDay.objects.filter(Q(desk=desk) | Q(desk__isnull=True))
            .filter(day__gte=first, day__lte=last)
            .values_list("day", flat=True)
        )
        start, _ = day_bounds(first)
        _, end = day_bounds(last)
        self.taken: dict[datetime, int] = {
            row["starts_at"]: row["n"]
            for row in Appointment.objects.filter(
                LIVE,
                desk=desk,
                appointment_type=appointment_type,
                starts_at__gte=start,
                starts_at__lt=end,
            )
            .values("starts_at")
            .annotate(n=Count("id"))
        }

    def is_open(self, day: date) -> bool:
        return (
            bool(self.seats)
            and bool(self.hours.get(day.weekday()))
            and day not in self.closed
            and not is_atw_holiday(day)
        )

    def slots(self, day: date) -> list[Slot]:
        """Every slot of the day, booked or not, past or not."""
        if not self.first <= day <= self.last or not self.is_open(day):
            return []
        periods = cut(day, self.hours[day.weekday()], self.appointment_type.duration_minutes)
        return [Slot(start, end, self.seats, self.taken.get(start, 0)) for start, end in periods]

    def free_slots(self, day: date) -> list[Slot]:
        now = clock.now()
        if day > last_bookable_day():
            return []
        return [s for s in self.slots(day) if s.free and s.starts_at > now]


def free_slots(*, desk: Desk, appointment_type: AppointmentType, day: date) -> list[Slot]:
    """The slots of `day` an applicant can book now, earliest first."""
    return Plan(desk=desk, appointment_type=appointment_type, first=day, last=day).free_slots(day)


def slot_at(*, desk: Desk, appointment_type: AppointmentType, starts_at: datetime) -> Slot | None:
    """The slot starting at `starts_at` (booked or not), or None when there is none."""
    day = local_day(starts_at)
    plan = Plan(desk=desk, appointment_type=appointment_type, first=day, last=day)
    return next((s for s in plan.slots(day) if s.starts_at == starts_at), None)


def is_closed(*, desk: Desk, day: date) -> bool:
    """Closed all day: a public holiday, a closed day, or no opening hours that weekday."""
    if is_atw_holiday(day) or not desk.opening_hours.filter(weekday=day.weekday()).exists():
        return True
    return ClosedDay.objects.filter(Q(desk=desk) | Q(desk__isnull=True), day=day).exists()


def days_with_free_slots(
    *, desk: Desk, appointment_type: AppointmentType, first: date, count: int = 10
) -> list[tuple[date, int]]:
    """Up to `count` days from `first` on which slots are free, with how many seats."""
    last = last_bookable_day()
    if first > last:
        return []
    plan = Plan(desk=desk, appointment_type=appointment_type, first=first, last=last)
    days = []
    day = first
    while day <= last and len(days) < count:
        seats = sum(s.free for s in plan.free_slots(day))
        if seats:
            days.append((day, seats))
        day += timedelta(days=1)
    return days
