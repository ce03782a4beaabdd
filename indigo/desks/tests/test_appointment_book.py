import pytest
from django.utils import translation

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.services import application_act
from indigo.desks.models import Appointment, ClosedDay, Desk
from indigo.desks.services import appointment_book, appointment_cancel
from indigo.desks.tests.conftest import TODAY, TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, desk_employee, make_desk
from indigo.desks.validators import CODE_ALPHABET
from indigo.errors import Conflict, InvalidInput, NotAllowed

NINE = at(TOMORROW, 9)


def book(actor, application, desk, appointment_type, starts_at=NINE):
    return appointment_book(
        actor=actor,
        application=application,
        desk=desk,
        appointment_type=appointment_type,
        starts_at=starts_at,
    )


def fill(desk, appointment_type, starts_at=NINE):
    seats = desk.capacities.get(appointment_type=appointment_type).seats
    for _ in range(seats):
        user, application = applicant_with_application()
        book(user, application, desk, appointment_type, starts_at)


def test_an_applicant_books_an_appointment_for_their_application(desk, biometrics, applicant):
    user, application = applicant

    appointment = book(user, application, desk, biometrics)

    assert appointment.state == Appointment.State.BOOKED
    assert (appointment.starts_at, appointment.ends_at) == (NINE, at(TOMORROW, 9, 15))
    assert appointment.applicant == application.applicant
    assert appointment.booked_by == user
    assert appointment.seat == 1


def test_the_appointment_code_is_eight_unambiguous_characters(desk, biometrics, applicant):
    appointment = book(*applicant, desk, biometrics)

    assert len(appointment.code) == 8
    assert set(appointment.code) <= set(CODE_ALPHABET)
    assert not set(appointment.code) & set("0O1I")


def test_booking_writes_an_event_on_the_application(desk, biometrics, applicant):
    user, application = applicant

    appointment = book(user, application, desk, biometrics)

    event = ApplicationEvent.objects.get(application=application, action="appointment-booked")
    assert event.actor == user
    assert event.payload == {
        "appointment": appointment.code,
        "desk": "den-haag",
        "type": "biometrics",
        "starts_at": NINE.isoformat(),
    }


def test_staff_can_book_for_an_application_they_can_see(desk, biometrics, applicant):
    _, application = applicant
    employee = desk_employee(desk)

    appointment = book(employee, application, desk, biometrics)

    assert appointment.booked_by == employee


def test_another_applicant_cannot_book_for_someone_elses_application(desk, biometrics, applicant):
    _, application = applicant
    other, _ = applicant_with_application()

    with pytest.raises(NotAllowed) as refusal:
        book(other, application, desk, biometrics)

    assert refusal.value.message == "You can only make appointments for your own applications."
    assert not Appointment.objects.exists()
    assert not ApplicationEvent.objects.filter(action="appointment-booked").exists()


def test_a_sponsor_or_other_non_staff_user_cannot_book(desk, biometrics, applicant):
    _, application = applicant

    with pytest.raises(NotAllowed):
        book(user_with_role("sponsor"), application, desk, biometrics)


def test_booking_a_full_slot_is_refused_with_a_clear_message_and_nothing_written(
    desk, biometrics, applicant
):
    fill(desk, biometrics)
    user, application = applicant
    events = ApplicationEvent.objects.count()

    with pytest.raises(Conflict) as refusal:
        book(user, application, desk, biometrics)

    assert refusal.value.code == "slot-full"
    assert refusal.value.message == (
        "The time 09:00 on 3 March 2026 at IND desk Den Haag is fully booked. "
        "Nothing was booked. Choose another time."
    )
    assert not Appointment.objects.filter(application=application).exists()
    assert ApplicationEvent.objects.count() == events


def test_the_full_slot_message_is_in_dutch_for_a_dutch_user(desk, biometrics, applicant):
    fill(desk, biometrics)

    with translation.override("nl"), pytest.raises(Conflict) as refusal:
        book(*applicant, desk, biometrics)

    assert refusal.value.message == (
        "Om 09:00 op 3 maart 2026 is IND-loket Den Haag vol. Er is niets geboekt. "
        "Kies een andere tijd."
    )


def test_a_time_in_the_past_is_refused(desk, biometrics, applicant, now):
    now.move_to(at(TODAY, 12))

    with pytest.raises(InvalidInput) as refusal:
        book(*applicant, desk, biometrics, starts_at=at(TODAY, 11))

    assert refusal.value.field == "starts_at"


def test_a_time_between_slots_is_refused(desk, biometrics, applicant):
    with pytest.raises(InvalidInput) as refusal:
        book(*applicant, desk, biometrics, starts_at=at(TOMORROW, 9, 10))

    assert "has no appointment at 09:10 on 3 March 2026" in refusal.value.message


def test_a_time_outside_the_opening_hours_is_refused(desk, biometrics, applicant):
    with pytest.raises(InvalidInput):
        book(*applicant, desk, biometrics, starts_at=at(TOMORROW, 17))


def test_a_closed_day_is_refused(desk, biometrics, applicant):
    ClosedDay.objects.create(desk=desk, day=TOMORROW, reason="Renovation")

    with pytest.raises(InvalidInput) as refusal:
        book(*applicant, desk, biometrics)

    assert refusal.value.message == (
        "IND desk Den Haag is closed on 3 March 2026. Choose another day."
    )


def test_a_day_beyond_the_booking_horizon_is_refused(desk, biometrics, applicant, settings):
    settings.INDIGO_DESKS_BOOKING_HORIZON_DAYS = 0

    with pytest.raises(InvalidInput) as refusal:
        book(*applicant, desk, biometrics)

    assert refusal.value.message == "You can book until 2 March 2026. Choose an earlier day."


def test_a_desk_without_the_appointment_type_is_refused(catalog, biometrics, collect, applicant):
    desk = make_desk(seats={collect: 1})

    with pytest.raises(InvalidInput) as refusal:
        book(*applicant, desk, biometrics)

    assert refusal.value.field == "desk"


def test_an_expat_centre_refuses_an_applicant_outside_its_target_groups(
    catalog, biometrics, applicant
):
    centre = make_desk(
        "rotterdam-expat-centre",
        city="Rotterdam",
        kind=Desk.Kind.EXPAT_CENTRE,
        products=["highly-skilled-migrant"],
        seats={biometrics: 1},
    )

    with pytest.raises(InvalidInput) as refusal:
        book(*applicant, centre, biometrics)  # a study application

    assert "only serves some groups of applicants" in refusal.value.message


def test_an_expat_centre_takes_an_applicant_of_its_target_group(catalog, biometrics):
    centre = make_desk(
        "rotterdam-expat-centre",
        city="Rotterdam",
        kind=Desk.Kind.EXPAT_CENTRE,
        products=["highly-skilled-migrant"],
        seats={biometrics: 1},
    )

    appointment = book(
        *applicant_with_application(product="highly-skilled-migrant"), centre, biometrics
    )

    assert appointment.desk == centre


def test_an_inactive_desk_is_refused(catalog, biometrics, applicant):
    desk = make_desk(active=False, seats={biometrics: 1})

    with pytest.raises(InvalidInput):
        book(*applicant, desk, biometrics)


def test_an_application_has_one_booked_appointment_per_type(desk, biometrics, applicant):
    user, application = applicant
    book(user, application, desk, biometrics)

    with pytest.raises(Conflict) as refusal:
        book(user, application, desk, biometrics, starts_at=at(TOMORROW, 10))

    assert refusal.value.code == "already-booked"
    assert "already has an appointment for “Biometrics”: on 3 March 2026 at 09:00" in (
        refusal.value.message
    )
    assert Appointment.objects.filter(application=application).count() == 1


def test_an_application_can_have_appointments_of_different_types(
    desk, biometrics, collect, applicant
):
    user, application = applicant
    book(user, application, desk, biometrics)

    book(user, application, desk, collect, starts_at=at(TOMORROW, 10))

    assert Appointment.objects.filter(application=application).count() == 2


def test_after_a_cancellation_the_application_can_be_booked_again(desk, biometrics, applicant):
    user, application = applicant
    appointment_cancel(actor=user, appointment=book(user, application, desk, biometrics))

    again = book(user, application, desk, biometrics)

    assert again.seat == 1  # the cancelled appointment's seat is free again


def test_a_withdrawn_application_gets_no_appointment(desk, biometrics, applicant):
    user, application = applicant
    application_act(actor=user, application=application, action="withdraw", reason="Moved away")
    application.refresh_from_db()

    with pytest.raises(Conflict) as refusal:
        book(user, application, desk, biometrics)

    assert refusal.value.code == "application-withdrawn"


def test_withdrawing_the_application_cancels_its_booked_appointments(desk, biometrics):
    user, application = applicant_with_application(granted=False)
    appointment = book(user, application, desk, biometrics)

    application_act(actor=user, application=application, action="withdraw", reason="moved away")

    appointment.refresh_from_db()
    assert appointment.state == Appointment.State.CANCELLED
    assert appointment.cancelled_by == user
    cancelled = ApplicationEvent.objects.get(
        application=application, action="appointment-cancelled"
    )
    assert cancelled.payload["because"] == "withdraw"
    assert book(*applicant_with_application(), desk, biometrics).state == "booked"  # seat free
