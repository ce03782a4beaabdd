import pytest

from indigo.cases.models import ApplicationEvent
from indigo.desks.models import Appointment
from indigo.desks.services import appointment_book, appointment_cancel, appointment_move
from indigo.desks.tests.conftest import TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, make_desk
from indigo.errors import Conflict, InvalidInput, NotAllowed

NINE, TEN = at(TOMORROW, 9), at(TOMORROW, 10)


def book(desk, appointment_type, starts_at=NINE, who=None):
    user, application = who or applicant_with_application()
    return appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=appointment_type,
        starts_at=starts_at,
    )


def actions(application):
    return list(
        ApplicationEvent.objects.filter(application=application).values_list("action", flat=True)
    )


def test_moving_books_the_new_time_and_cancels_the_old_one(desk, biometrics, applicant):
    old = book(desk, biometrics, who=applicant)

    new = appointment_move(actor=applicant[0], appointment=old, desk=desk, starts_at=TEN)

    old.refresh_from_db()
    assert (new.starts_at, new.state) == (TEN, "booked")
    assert new.code != old.code
    assert old.state == "cancelled"
    assert old.moved_to == new


def test_moving_writes_one_moved_event_from_old_to_new(desk, biometrics, applicant):
    old = book(desk, biometrics, who=applicant)

    new = appointment_move(actor=applicant[0], appointment=old, desk=desk, starts_at=TEN)

    assert actions(applicant[1])[-2:] == ["appointment-booked", "appointment-moved"]
    event = ApplicationEvent.objects.get(action="appointment-moved")
    assert event.payload["from"]["appointment"] == old.code
    assert event.payload["to"] == {
        "appointment": new.code,
        "desk": "den-haag",
        "type": "biometrics",
        "starts_at": TEN.isoformat(),
    }


def test_moving_to_another_desk(catalog, desk, biometrics, applicant):
    zwolle = make_desk("zwolle", city="Zwolle", seats={biometrics: 1})
    old = book(desk, biometrics, who=applicant)

    new = appointment_move(actor=applicant[0], appointment=old, desk=zwolle, starts_at=NINE)

    assert new.desk == zwolle


def test_moving_to_a_full_slot_keeps_the_old_appointment(desk, biometrics, applicant):
    old = book(desk, biometrics, who=applicant)
    book(desk, biometrics, starts_at=TEN)
    book(desk, biometrics, starts_at=TEN)
    events = ApplicationEvent.objects.count()

    with pytest.raises(Conflict) as refusal:
        appointment_move(actor=applicant[0], appointment=old, desk=desk, starts_at=TEN)

    assert refusal.value.code == "slot-full"
    assert refusal.value.message == (
        "The time 10:00 on 3 March 2026 at IND desk Den Haag is fully booked. Your "
        "appointment on 3 March 2026 at 09:00 is kept. Choose another time."
    )
    old.refresh_from_db()
    assert old.state == "booked"
    assert old.cancelled_at is None and old.moved_to is None
    assert Appointment.objects.filter(application=applicant[1]).count() == 1
    assert ApplicationEvent.objects.count() == events


def test_the_old_appointment_object_is_unchanged_after_a_refused_move(desk, biometrics, applicant):
    old = book(desk, biometrics, who=applicant)
    book(desk, biometrics, starts_at=TEN)
    book(desk, biometrics, starts_at=TEN)

    with pytest.raises(Conflict):
        appointment_move(actor=applicant[0], appointment=old, desk=desk, starts_at=TEN)

    assert old.state == "booked"


def test_moving_to_the_same_time_is_refused(desk, biometrics, applicant):
    old = book(desk, biometrics, who=applicant)

    with pytest.raises(InvalidInput):
        appointment_move(actor=applicant[0], appointment=old, desk=desk, starts_at=NINE)


def test_an_appointment_that_has_started_cannot_be_moved(desk, biometrics, applicant, now):
    old = book(desk, biometrics, who=applicant)
    now.move_to(at(TOMORROW, 9, 5))

    with pytest.raises(Conflict) as refusal:
        appointment_move(actor=applicant[0], appointment=old, desk=desk, starts_at=TEN)

    assert refusal.value.code == "started"


def test_another_applicant_cannot_move_an_appointment(desk, biometrics, applicant):
    old = book(desk, biometrics, who=applicant)
    other, _ = applicant_with_application()

    with pytest.raises(NotAllowed):
        appointment_move(actor=other, appointment=old, desk=desk, starts_at=TEN)


def test_cancelling_frees_the_seat(desk, biometrics):
    first = book(desk, biometrics)
    book(desk, biometrics)
    with pytest.raises(Conflict):
        book(desk, biometrics)

    appointment_cancel(actor=first.applicant.user, appointment=first)

    assert book(desk, biometrics).seat == first.seat


def test_cancelling_records_who_and_when_and_writes_an_event(desk, biometrics, applicant, now):
    appointment = book(desk, biometrics, who=applicant)

    cancelled = appointment_cancel(actor=applicant[0], appointment=appointment)

    assert cancelled.state == "cancelled"
    assert cancelled.cancelled_by == applicant[0]
    assert cancelled.cancelled_at is not None
    assert actions(applicant[1])[-1] == "appointment-cancelled"


def test_a_cancelled_appointment_cannot_be_cancelled_again(desk, biometrics, applicant):
    appointment = appointment_cancel(
        actor=applicant[0], appointment=book(desk, biometrics, who=applicant)
    )

    with pytest.raises(Conflict) as refusal:
        appointment_cancel(actor=applicant[0], appointment=appointment)

    assert refusal.value.code == "not-booked"


def test_another_applicant_cannot_cancel_an_appointment(desk, biometrics, applicant):
    appointment = book(desk, biometrics, who=applicant)
    other, _ = applicant_with_application()

    with pytest.raises(NotAllowed):
        appointment_cancel(actor=other, appointment=appointment)
    appointment.refresh_from_db()
    assert appointment.state == "booked"
