from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _on_a_working_day():
    # A fixed day, so programme and contract dates in the tests stay in the future.
    with time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=AMSTERDAM), tick=False):
        yield


@pytest.fixture
def university(catalog):
    return make_sponsor("Universiteit van Zwolle", categories=["study"])


@pytest.fixture
def employer(catalog):
    return make_sponsor("Delta Engineering B.V.", categories=["work"])


@pytest.fixture
def officer(university):
    """Someone at the university's international office."""
    return make_sponsor_user(university)
