from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.decisions.tests.factories import make_application_for

TODAY = date(2026, 8, 3)  # a Monday


@pytest.fixture(autouse=True)
def today():
    moment = datetime.combine(TODAY, time(12), tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False) as traveller:
        yield traveller


@pytest.fixture
def unit(catalog):
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def clerk(unit):
    return user_with_role("caseworker", units=[unit], username="clerk")


def record(application, kind: EventKind, on: date, **payload):
    """An event as a service would write it (the measures read nothing else)."""
    with transaction.atomic():
        return event_record(
            application=application,
            actor=None,
            action=kind,
            effective_on=on,
            payload=payload,
        )


@pytest.fixture
def apply(clerk):
    def make(received_on: date, product: str = "study", **kwargs):
        return make_application_for(actor=clerk, product=product, received_on=received_on, **kwargs)

    return make
