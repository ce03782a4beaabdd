"""Desks and appointments through the API: slots, booking, moving, the desk visit."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.api.tests.conftest import client_as, client_for, invalid_names, is_problem
from indigo.cases.models import ApplicationEvent
from indigo.desks.models import Appointment
from indigo.desks.tests.factories import (
    applicant_with_application,
    desk_employee,
    make_desk,
    make_type,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 3, 2)  # a Monday, 08:00: before the desks open
TOMORROW = date(2026, 3, 3)


def at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM).isoformat()


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(datetime.combine(TODAY, time(8), tzinfo=AMSTERDAM), tick=False) as t:
        yield t


@pytest.fixture
def collect(db):
    return make_type("collect-residence-document", minutes=10, biometrics=True, document=True)


@pytest.fixture
def desk(catalog, collect):
    return make_desk(seats={make_type(): 2, collect: 1})


@pytest.fixture
def applicant(catalog):
    user, application = applicant_with_application()
    client = client_as(user)
    client.application = application
    return client


@pytest.fixture
def desk_staff(desk):
    return client_as(desk_employee(desk))


def book(client, application, *, starts_at=None, **body):
    return client.post(
        "/api/v1/appointments",
        {
            "application": application.reference,
            "desk": "den-haag",
            "purpose": "collect-residence-document",
            "starts_at": starts_at or at(TOMORROW, 9),
        }
        | body,
        format="json",
    )


def test_desks_are_listed_with_their_purposes(applicant, desk):
    desks = applicant.get("/api/v1/desks").json()

    assert [d["code"] for d in desks] == ["den-haag"]
    assert {p["code"] for p in desks[0]["purposes"]} == {"biometrics", "collect-residence-document"}


def test_free_slots_are_given_for_a_purpose_and_a_range(applicant, desk):
    slots = applicant.get(
        f"/api/v1/desks/den-haag/slots?purpose=biometrics&start={TOMORROW}&end={TOMORROW}"
    ).json()

    assert slots[0] == {"starts_at": at(TOMORROW, 9), "ends_at": at(TOMORROW, 9, 15), "free": 2}
    assert len(slots) == 32  # 09:00-17:00 in quarters


def test_slots_need_a_known_purpose_and_a_sensible_range(applicant, desk):
    base = "/api/v1/desks/den-haag/slots"
    assert invalid_names(applicant.get(f"{base}?purpose=party")) == {"purpose"}
    assert invalid_names(applicant.get(base)) == {"purpose"}
    assert invalid_names(
        applicant.get(f"{base}?purpose=biometrics&start=2026-03-10&end=2026-03-01")
    ) == {"end"}
    assert invalid_names(applicant.get(f"{base}?purpose=biometrics&from=2026-03-10")) == {"from"}
    is_problem(applicant.get("/api/v1/desks/nowhere/slots?purpose=biometrics"), 404)


def test_an_applicant_books_shows_and_cancels_an_appointment(applicant, desk):
    booked = book(applicant, applicant.application)
    appointment_id = booked.json()["id"]
    shown = applicant.get(f"/api/v1/appointments/{appointment_id}").json()
    cancelled = applicant.post(f"/api/v1/appointments/{appointment_id}/actions/cancel")

    assert booked.status_code == 201, booked.content
    assert shown["state"] == "booked" and shown["possible_actions"] == ["move", "cancel"]
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert ApplicationEvent.objects.filter(action="appointment-cancelled").count() == 1


def test_a_full_slot_is_a_409_and_a_time_that_is_no_slot_a_400(applicant, desk, catalog):
    book(applicant, applicant.application)
    other_user, other = applicant_with_application()

    full = book(client_as(other_user), other)
    no_slot = book(client_as(other_user), other, starts_at=at(TOMORROW, 9, 3))

    is_problem(full, 409)
    assert invalid_names(no_slot) == {"starts_at"}
    assert Appointment.objects.filter(application=other).count() == 0


def test_booking_for_someone_elses_application_names_the_application(applicant, desk, catalog):
    _user, other = applicant_with_application()

    assert invalid_names(book(applicant, other)) == {"application"}
    assert invalid_names(book(applicant, applicant.application, room="3")) == {"room"}


def test_an_appointment_of_someone_else_is_a_404(applicant, desk, catalog):
    appointment_id = book(applicant, applicant.application).json()["id"]
    stranger_user, _other = applicant_with_application()

    is_problem(client_as(stranger_user).get(f"/api/v1/appointments/{appointment_id}"), 404)


def test_a_move_books_the_new_time_and_keeps_the_old_one_when_it_fails(applicant, desk):
    appointment_id = book(applicant, applicant.application).json()["id"]
    url = f"/api/v1/appointments/{appointment_id}/actions/move"

    missing = applicant.post(url, {}, format="json")
    moved = applicant.post(url, {"starts_at": at(TOMORROW, 10)}, format="json")

    assert invalid_names(missing) == {"starts_at"}
    assert moved.status_code == 200, moved.content
    assert moved.json()["starts_at"] == at(TOMORROW, 10) and moved.json()["id"] != appointment_id
    gone = applicant.post(url, {"starts_at": at(TOMORROW, 11)}, format="json")
    assert is_problem(gone, 409)["possibleActions"] == []


def test_the_desk_visit_identify_biometrics_hand_out(applicant, desk, desk_staff, now):
    appointment_id = book(applicant, applicant.application).json()["id"]
    base = f"/api/v1/appointments/{appointment_id}/actions"

    too_early = desk_staff.post(f"{base}/identify", {"document": "passport", "checked": True})
    now.move_to(datetime.combine(TOMORROW, time(9, 2), tzinfo=AMSTERDAM))
    unchecked = desk_staff.post(f"{base}/identify", {"document": "passport"}, format="json")
    identified = desk_staff.post(
        f"{base}/identify", {"document": "passport", "checked": True}, format="json"
    )
    biometrics = desk_staff.post(f"{base}/biometrics")
    handed_out = desk_staff.post(f"{base}/hand-out", {"card_number": "V123AL568"}, format="json")
    again = desk_staff.post(f"{base}/hand-out", {"card_number": "V123AL569"}, format="json")

    assert is_problem(too_early, 409)["possibleActions"] == ["move", "cancel"]
    assert invalid_names(unchecked) == {"checked"}
    assert identified.json()["possible_actions"] == ["biometrics", "hand-out"]
    assert biometrics.status_code == 200
    assert handed_out.status_code == 200, handed_out.content
    assert handed_out.json()["card_number"] == "V123AL568"
    is_problem(again, 409)


def test_only_desk_staff_record_the_visit_and_no_show_waits_for_the_end(
    applicant, desk, desk_staff, now
):
    appointment_id = book(applicant, applicant.application).json()["id"]
    url = f"/api/v1/appointments/{appointment_id}/actions/no-show"

    is_problem(applicant.post(url), 403)
    early = desk_staff.post(url)
    now.move_to(datetime.combine(TOMORROW, time(10), tzinfo=AMSTERDAM))
    late = desk_staff.post(url)

    assert is_problem(early, 409)["possibleActions"] == ["move", "cancel"]
    assert late.json()["state"] == "no-show"


def test_desk_staff_of_another_desk_may_not_record_the_visit(applicant, desk, catalog, now):
    appointment_id = book(applicant, applicant.application).json()["id"]
    elsewhere = client_as(desk_employee(make_desk("zwolle", city="Zwolle")))
    now.move_to(datetime.combine(TOMORROW, time(10), tzinfo=AMSTERDAM))

    refused = elsewhere.post(f"/api/v1/appointments/{appointment_id}/actions/no-show")

    assert is_problem(refused, 403)["code"] == "not-desk-staff"
    assert Appointment.objects.get(pk=appointment_id).state == "booked"


def test_an_appointment_nobody_may_see_is_a_404(applicant, desk):
    is_problem(applicant.get("/api/v1/appointments/999999"), 404)


def test_an_unknown_appointment_action_is_a_404(applicant, desk):
    appointment_id = book(applicant, applicant.application).json()["id"]

    is_problem(applicant.post(f"/api/v1/appointments/{appointment_id}/actions/teleport"), 404)


def test_a_sponsor_may_not_book(desk, catalog):
    _user, application = applicant_with_application()

    is_problem(book(client_for("sponsor"), application), 403)
