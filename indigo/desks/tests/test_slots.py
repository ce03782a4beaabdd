from datetime import date, time, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from indigo.desks.models import ClosedDay
from indigo.desks.services import appointment_book, appointment_cancel
from indigo.desks.slots import cut, days_with_free_slots, free_slots
from indigo.desks.tests.conftest import TODAY, TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, make_desk, make_type

EASTER_MONDAY = date(2026, 4, 6)
SATURDAY = date(2026, 3, 7)


def starts(slots):
    return [s.starts_at for s in slots]


def book(desk, appointment_type, starts_at):
    user, application = applicant_with_application()
    return appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=appointment_type,
        starts_at=starts_at,
    )


def test_slots_fill_the_opening_hours_in_steps_of_the_duration(desk, biometrics):
    slots = free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW)

    assert len(slots) == 32  # 9:00-17:00 in quarters
    assert slots[0].starts_at == at(TOMORROW, 9)
    assert slots[-1].starts_at == at(TOMORROW, 16, 45)
    assert slots[-1].ends_at == at(TOMORROW, 17)
    assert {s.free for s in slots} == {2}


def test_a_slot_that_would_end_after_closing_time_is_not_offered(catalog):
    kind = make_type("application-help", minutes=25, biometrics=False)
    desk = make_desk(hours=[(1, time(9), time(10))], seats={kind: 1})

    assert starts(free_slots(desk=desk, appointment_type=kind, day=TOMORROW)) == [
        at(TOMORROW, 9),
        at(TOMORROW, 9, 25),
    ]


def test_a_lunch_break_has_no_slots(catalog, biometrics):
    hours = [(1, time(9), time(10)), (1, time(13), time(13, 30))]
    desk = make_desk(hours=hours, seats={biometrics: 1})

    assert starts(free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW)) == [
        at(TOMORROW, 9),
        at(TOMORROW, 9, 15),
        at(TOMORROW, 9, 30),
        at(TOMORROW, 9, 45),
        at(TOMORROW, 13),
        at(TOMORROW, 13, 15),
    ]


def test_there_are_no_slots_on_a_day_without_opening_hours(desk, biometrics):
    assert free_slots(desk=desk, appointment_type=biometrics, day=SATURDAY) == []


def test_every_desk_is_closed_on_a_public_holiday_without_configuration(desk, biometrics):
    assert free_slots(desk=desk, appointment_type=biometrics, day=EASTER_MONDAY) == []
    assert free_slots(desk=desk, appointment_type=biometrics, day=date(2026, 4, 7))


def test_a_closed_day_of_the_desk_has_no_slots(desk, biometrics):
    ClosedDay.objects.create(desk=desk, day=TOMORROW, reason="Renovation")

    assert free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW) == []


def test_a_closed_day_of_every_desk_closes_this_desk_too(desk, biometrics):
    ClosedDay.objects.create(desk=None, day=TOMORROW, reason="Strike")

    assert free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW) == []


def test_a_booked_seat_leaves_the_other_seats_free(desk, biometrics):
    book(desk, biometrics, at(TOMORROW, 9))

    first = free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW)[0]

    assert (first.starts_at, first.seats, first.taken, first.free) == (at(TOMORROW, 9), 2, 1, 1)


def test_a_full_slot_is_not_free(desk, biometrics):
    book(desk, biometrics, at(TOMORROW, 9))
    book(desk, biometrics, at(TOMORROW, 9))

    assert at(TOMORROW, 9) not in starts(
        free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW)
    )


def test_a_cancelled_appointment_takes_no_seat(desk, biometrics):
    appointment = book(desk, biometrics, at(TOMORROW, 9))
    book(desk, biometrics, at(TOMORROW, 9))

    appointment_cancel(actor=appointment.applicant.user, appointment=appointment)

    assert free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW)[0].free == 1


def test_capacity_counts_per_appointment_type(desk, biometrics, collect):
    book(desk, collect, at(TOMORROW, 9))

    assert free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW)[0].free == 2
    assert at(TOMORROW, 9) not in starts(
        free_slots(desk=desk, appointment_type=collect, day=TOMORROW)
    )


def test_slots_that_have_started_are_not_free(desk, biometrics, now):
    now.move_to(at(TODAY, 10, 5))

    assert free_slots(desk=desk, appointment_type=biometrics, day=TODAY)[0].starts_at == at(
        TODAY, 10, 15
    )


def test_slots_beyond_the_booking_horizon_are_not_free(desk, biometrics, settings):
    settings.INDIGO_DESKS_BOOKING_HORIZON_DAYS = 7

    assert free_slots(desk=desk, appointment_type=biometrics, day=TODAY + timedelta(days=7))
    assert free_slots(desk=desk, appointment_type=biometrics, day=TODAY + timedelta(days=8)) == []


def test_a_desk_without_capacity_for_a_type_has_no_slots_for_it(catalog, biometrics):
    help_type = make_type("application-help", minutes=30, biometrics=False)
    desk = make_desk(seats={biometrics: 1})

    assert free_slots(desk=desk, appointment_type=help_type, day=TOMORROW) == []


def test_an_inactive_desk_has_no_slots(catalog, biometrics):
    desk = make_desk(active=False, seats={biometrics: 1})

    assert free_slots(desk=desk, appointment_type=biometrics, day=TOMORROW) == []


def test_the_free_days_skip_weekends_and_holidays(desk, biometrics, now):
    now.move_to(at(date(2026, 4, 2), 8))  # Thursday before Easter

    days = [
        d
        for d, _ in days_with_free_slots(
            desk=desk, appointment_type=biometrics, first=date(2026, 4, 2), count=3
        )
    ]

    # Good Friday, the weekend and Easter Monday are skipped.
    assert days == [date(2026, 4, 2), date(2026, 4, 7), date(2026, 4, 8)]


@settings(max_examples=60, deadline=None)
@given(
    minutes=st.integers(min_value=5, max_value=120),
    opens=st.times(min_value=time(6), max_value=time(12)),
    hours=st.integers(min_value=0, max_value=10),
    extra=st.integers(min_value=1, max_value=59),
)
def test_slots_never_overlap_and_stay_within_the_opening_hours(minutes, opens, hours, extra):
    opens = opens.replace(second=0, microsecond=0)
    closes = (at(TOMORROW, opens.hour, opens.minute) + timedelta(hours=hours, minutes=extra)).time()

    slots = cut(TOMORROW, [(opens, closes)], minutes)

    assert slots == sorted(slots)
    for start, end in slots:
        assert at(TOMORROW, opens.hour, opens.minute) <= start
        assert end <= at(TOMORROW, closes.hour, closes.minute)
        assert end - start == timedelta(minutes=minutes)
    for (_, end), (start, _) in pairwise(slots):
        assert end == start
    # No room is left for one more slot before closing.
    last_end = slots[-1][1] if slots else at(TOMORROW, opens.hour, opens.minute)
    assert last_end + timedelta(minutes=minutes) > at(TOMORROW, closes.hour, closes.minute)
