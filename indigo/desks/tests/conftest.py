"""The desk tests stand on Monday 2 March 2026, 08:00 in the Netherlands, before the
desks open; the next day (Tuesday 3 March) is an ordinary working day."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.desks.tests.factories import applicant_with_application, make_desk, make_type

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 3, 2)  # a Monday
TOMORROW = date(2026, 3, 3)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(at(TODAY, 8), tick=False) as traveller:
        yield traveller


@pytest.fixture
def biometrics(db):
    return make_type("biometrics", minutes=15, biometrics=True)


@pytest.fixture
def collect(db):
    return make_type("collect-residence-document", minutes=10, biometrics=True, document=True)


@pytest.fixture
def desk(catalog, biometrics, collect):
    """Den Haag: 2 counters for biometrics, 1 for collecting documents."""
    return make_desk(seats={biometrics: 2, collect: 1})


@pytest.fixture
def applicant(catalog):
    """(portal account, application) of an applicant."""
    return applicant_with_application()


@pytest.fixture(autouse=True)
def _no_idle_logout_between_travels(settings):
    # These tests jump the clock by days between one request and the next (fixtures
    # and the desk day); that is the test travelling, not a member of staff leaving a screen.
    settings.INDIGO_STAFF_IDLE_MINUTES = 10**7
    settings.INDIGO_PORTAL_IDLE_MINUTES = 10**7
