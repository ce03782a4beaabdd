"""Concurrent booking: a slot is never overbooked, whatever the database.

Threads with their own database connections race for the last seats of one slot; the
database's unique index on (desk, type, start, seat) decides who gets them.
"""

import threading

import pytest
from django.db import connection

from indigo.cases.models import ApplicationEvent
from indigo.desks import validators
from indigo.desks.models import Appointment
from indigo.desks.services import appointment_book
from indigo.desks.services import booking as booking_service
from indigo.desks.tests.conftest import TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, make_desk
from indigo.errors import Conflict

SEATS = 3
APPLICANTS = 8
NINE = at(TOMORROW, 9)


def race(jobs):
    """Run the jobs at once, each in its own thread and connection; their outcomes."""
    outcomes: list = [None] * len(jobs)
    start = threading.Barrier(len(jobs))

    def run(i, job):
        try:
            start.wait()
            outcomes[i] = job()
        except BaseException as exc:
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


def booking(user, application, desk, appointment_type):
    return lambda: appointment_book(
        actor=user,
        application=application,
        desk=desk,
        appointment_type=appointment_type,
        starts_at=NINE,
    )


@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_of_the_last_seats_never_overbook_the_slot(catalog, biometrics):
    desk = make_desk(seats={biometrics: SEATS})
    first_user, first_application = applicant_with_application()
    booking(first_user, first_application, desk, biometrics)()  # one seat already taken
    contenders = [applicant_with_application() for _ in range(APPLICANTS)]

    outcomes = race([booking(user, app, desk, biometrics) for user, app in contenders])

    booked = [o for o in outcomes if isinstance(o, Appointment)]
    refused = [o for o in outcomes if isinstance(o, Conflict)]
    assert len(booked) == SEATS - 1
    assert len(refused) == APPLICANTS - (SEATS - 1)
    assert {r.code for r in refused} == {"slot-full"}
    live = Appointment.objects.filter(desk=desk, starts_at=NINE, state="booked")
    assert live.count() == SEATS
    assert sorted(live.values_list("seat", flat=True)) == list(range(1, SEATS + 1))
    assert ApplicationEvent.objects.filter(action="appointment-booked").count() == SEATS


@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_for_one_application_give_it_one_appointment(catalog, biometrics):
    desk = make_desk(seats={biometrics: 4})
    user, application = applicant_with_application()

    outcomes = race([booking(user, application, desk, biometrics) for _ in range(4)])

    assert sum(isinstance(o, Appointment) for o in outcomes) == 1
    assert {o.code for o in outcomes if isinstance(o, Conflict)} == {"already-booked"}
    assert Appointment.objects.filter(application=application).count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite lets one writing transaction run at a time: this race cannot happen there",
)
def test_when_every_contender_picks_the_same_seat_the_database_still_fills_each_seat_once(
    catalog, biometrics, monkeypatch
):
    desk = make_desk(seats={biometrics: SEATS})
    contenders = [applicant_with_application() for _ in range(APPLICANTS)]

    # Hold every contender between reading the free seats and inserting, so all of them
    # try seat 1 at once; the unique index turns the losers away, who then try the next seat.
    picked = threading.Barrier(APPLICANTS)
    waited = threading.local()

    def code_after_everyone_picked():
        if not getattr(waited, "done", False):
            waited.done = True
            picked.wait(timeout=30)
        return validators.new_appointment_code()

    monkeypatch.setattr(booking_service, "new_appointment_code", code_after_everyone_picked)

    outcomes = race([booking(user, app, desk, biometrics) for user, app in contenders])

    assert sum(isinstance(o, Appointment) for o in outcomes) == SEATS
    assert {type(o) for o in outcomes} == {Appointment, Conflict}
    assert Appointment.objects.filter(desk=desk, starts_at=NINE).count() == SEATS
