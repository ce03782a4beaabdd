"""Booking, moving and cancelling appointments (applicants, or staff for them).

Never overbooked. A booking takes the lowest free seat (1..capacity) of its slot. The
database refuses a second live appointment on a seat (unique index
`desks_one_appointment_per_seat`), so of two bookings that race for the last seat one
insert fails; that booking reads the seats again and finds the slot full. On PostgreSQL
the losing insert waits for the winner's commit and then fails on the index; SQLite runs
one writing transaction at a time (IMMEDIATE), so the race cannot even start there.

A move is a cancellation and a new booking in one transaction (the IND does not move
appointments: cancel and book again). When the new slot is full the transaction is
rolled back, so the old appointment is kept.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.desks import slots as schedule
from indigo.desks.models import Appointment, AppointmentType, Desk
from indigo.desks.selectors import card_ready
from indigo.desks.services.wording import appointment_facts, clock_time, day_of
from indigo.desks.validators import new_appointment_code
from indigo.errors import Conflict, InvalidInput, NotAllowed, day

State = Appointment.State


# --- who may do what ----------------------------------------------------------------


def _check_may_book_for(actor, application: Application) -> None:
    """The applicant of the application (their portal account), or staff who see it.
    One refusal for both 'not yours' and 'does not exist': nothing leaks."""
    visible = actor.is_authenticated and (
        applications_visible_to(actor).filter(pk=application.pk).exists()
    )
    own = visible and application.applicant.user_id == actor.pk
    if not (own or (visible and is_staff_member(actor))):
        raise NotAllowed(
            _("You can only make appointments for your own applications."),
            code="not-own-application",
        )


# --- the slot -------------------------------------------------------------------------


def _check_slot(
    *,
    application: Application,
    desk: Desk,
    appointment_type: AppointmentType,
    starts_at: datetime,
) -> schedule.Slot:
    """Refuse a time that cannot be booked; return its slot (seats read now)."""
    if application.status == Status.WITHDRAWN:
        raise Conflict(
            _("The application %(reference)s was withdrawn. You cannot make an appointment for it.")
            % {"reference": application.reference},
            code="application-withdrawn",
        )
    if appointment_type.issues_residence_document and not card_ready(application_id=application.pk):
        raise Conflict(
            _(
                "The residence card of %(reference)s is not ready: no residence permit has "
                "been granted and notified yet. An appointment to collect it can be made once "
                "the applicant has the decision."
            )
            % {"reference": application.reference},
            field="appointment_type",
            code="card-not-ready",
        )
    if not desk.active:
        raise InvalidInput(
            _("%(desk)s does not take appointments. Choose another desk.") % {"desk": desk.name},
            field="desk",
        )
    if not desk.capacities.filter(appointment_type=appointment_type).exists():
        raise InvalidInput(
            _("%(desk)s has no appointments for “%(type)s”. Choose another desk.")
            % {"desk": desk.name, "type": appointment_type.name},
            field="desk",
        )
    if not desk.serves(application.product.code):
        raise InvalidInput(
            _(
                "%(desk)s only serves some groups of applicants, and not applications for "
                "“%(product)s”. Choose another desk."
            )
            % {"desk": desk.name, "product": application.product.name},
            field="desk",
        )
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at, timezone.get_default_timezone())
    if starts_at <= clock.now():
        raise InvalidInput(
            _("This time has passed. Choose a time later than now."), field="starts_at"
        )
    on = schedule.local_day(starts_at)
    last = schedule.last_bookable_day()
    if on > last:
        raise InvalidInput(
            _("You can book until %(last)s. Choose an earlier day.") % {"last": day(last)},
            field="starts_at",
        )
    if schedule.is_closed(desk=desk, day=on):
        raise InvalidInput(
            _("%(desk)s is closed on %(day)s. Choose another day.")
            % {"desk": desk.name, "day": day(on)},
            field="starts_at",
        )
    slot = schedule.slot_at(desk=desk, appointment_type=appointment_type, starts_at=starts_at)
    if slot is None:
        raise InvalidInput(
            _("%(desk)s has no appointment at %(time)s on %(day)s. Choose one of the free times.")
            % {"desk": desk.name, "time": clock_time(starts_at), "day": day(on)},
            field="starts_at",
        )
    return slot


def _full(desk: Desk, starts_at: datetime) -> Conflict:
    return Conflict(
        _(
            "The time %(time)s on %(day)s at %(desk)s is fully booked. Nothing was booked. "
            "Choose another time."
        )
        % {"time": clock_time(starts_at), "day": day_of(starts_at), "desk": desk.name},
        field="starts_at",
        code="slot-full",
    )


def _take_seat(
    *,
    actor,
    application: Application,
    desk: Desk,
    appointment_type: AppointmentType,
    slot: schedule.Slot,
) -> Appointment:
    """Insert the appointment on the lowest free seat (inside the caller's transaction)."""
    for _attempt in range(slot.seats + 5):
        booked = (
            Appointment.objects.filter(
                application=application, appointment_type=appointment_type, state=State.BOOKED
            )
            .select_related("desk")
            .first()
        )
        if booked is not None:
            raise Conflict(
                _(
                    "This application already has an appointment for “%(type)s”: on %(day)s "
                    "at %(time)s at %(desk)s. Cancel or move that appointment instead."
                )
                % {
                    "type": appointment_type.name,
                    "day": day_of(booked.starts_at),
                    "time": clock_time(booked.starts_at),
                    "desk": booked.desk.name,
                },
                code="already-booked",
            )
        taken = set(
            Appointment.objects.filter(
                schedule.LIVE,
                desk=desk,
                appointment_type=appointment_type,
                starts_at=slot.starts_at,
            ).values_list("seat", flat=True)
        )
        seat = next((n for n in range(1, slot.seats + 1) if n not in taken), None)
        if seat is None:
            raise _full(desk, slot.starts_at)
        try:
            with transaction.atomic():
                return Appointment.objects.create(
                    code=new_appointment_code(),
                    desk=desk,
                    appointment_type=appointment_type,
                    application=application,
                    applicant=application.applicant,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    seat=seat,
                    booked_by=actor,
                    created_at=clock.now(),
                )
        except IntegrityError:
            # Another booking took this seat (or this application's booking) since we
            # looked, or the code was not unique: look again.
            continue
    raise _full(desk, slot.starts_at)


# --- booking, moving, cancelling ------------------------------------------------------


def appointment_book(
    *,
    actor,
    application: Application,
    desk: Desk,
    appointment_type: AppointmentType,
    starts_at: datetime,
) -> Appointment:
    """Book an appointment at `desk` for `application` at `starts_at`."""
    _check_may_book_for(actor, application)
    slot = _check_slot(
        application=application, desk=desk, appointment_type=appointment_type, starts_at=starts_at
    )
    with transaction.atomic():
        appointment = _take_seat(
            actor=actor,
            application=application,
            desk=desk,
            appointment_type=appointment_type,
            slot=slot,
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.APPOINTMENT_BOOKED,
            payload=appointment_facts(appointment),
        )
    return appointment


def _not_changeable(appointment: Appointment) -> Conflict:
    current = Appointment.objects.get(pk=appointment.pk)
    if current.state != State.BOOKED:
        return Conflict(
            _(
                "This appointment is no longer booked (now: %(state)s). Only a booked "
                "appointment can be moved or cancelled."
            )
            % {"state": current.get_state_display().lower()},
            code="not-booked",
        )
    return Conflict(
        _("This appointment has already started. It can no longer be moved or cancelled."),
        code="started",
    )


def _release(*, actor, appointment: Appointment) -> None:
    """Cancel `appointment` if it is still booked and has not started (race-safe)."""
    now = clock.now()
    released = Appointment.objects.filter(
        pk=appointment.pk, state=State.BOOKED, starts_at__gt=now
    ).update(state=State.CANCELLED, cancelled_at=now, cancelled_by=actor)
    if not released:
        raise _not_changeable(appointment)


def appointment_cancel(*, actor, appointment: Appointment) -> Appointment:
    """Cancel a booked appointment that has not started; its seat is free again."""
    _check_may_book_for(actor, appointment.application)
    with transaction.atomic():
        _release(actor=actor, appointment=appointment)
        event_record(
            application=appointment.application,
            actor=actor,
            action=EventKind.APPOINTMENT_CANCELLED,
            payload=appointment_facts(appointment),
        )
    appointment.refresh_from_db()
    return appointment


def appointment_move(
    *, actor, appointment: Appointment, desk: Desk, starts_at: datetime
) -> Appointment:
    """Cancel `appointment` and book the same type at `desk`, `starts_at`, at once.

    Returns the new appointment (with a new appointment code). When the new time cannot
    be booked nothing changes: the old appointment stays booked.
    """
    application = appointment.application
    _check_may_book_for(actor, application)
    if appointment.state != State.BOOKED or appointment.starts_at <= clock.now():
        raise _not_changeable(appointment)
    if desk.pk == appointment.desk_id and starts_at == appointment.starts_at:
        raise InvalidInput(
            _("That is the time of your current appointment. Choose another time."),
            field="starts_at",
        )
    slot = _check_slot(
        application=application,
        desk=desk,
        appointment_type=appointment.appointment_type,
        starts_at=starts_at,
    )
    with transaction.atomic():
        _release(actor=actor, appointment=appointment)
        try:
            new = _take_seat(
                actor=actor,
                application=application,
                desk=desk,
                appointment_type=appointment.appointment_type,
                slot=slot,
            )
        except Conflict as exc:
            if exc.code != "slot-full":
                raise
            raise Conflict(
                _(
                    "The time %(time)s on %(day)s at %(desk)s is fully booked. Your "
                    "appointment on %(old_day)s at %(old_time)s is kept. Choose another time."
                )
                % {
                    "time": clock_time(slot.starts_at),
                    "day": day_of(slot.starts_at),
                    "desk": desk.name,
                    "old_day": day_of(appointment.starts_at),
                    "old_time": clock_time(appointment.starts_at),
                },
                field="starts_at",
                code="slot-full",
            ) from exc
        Appointment.objects.filter(pk=appointment.pk).update(moved_to=new)
        event_record(
            application=application,
            actor=actor,
            action=EventKind.APPOINTMENT_MOVED,
            payload={"from": appointment_facts(appointment), "to": appointment_facts(new)},
        )
    appointment.refresh_from_db()
    return new
