from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.decisions.models import Decision
from indigo.penalties.tests.helpers import decide

MONDAY = datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def _on_a_monday(catalog):
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def caseworker():
    return user_with_role("caseworker", username="anna")


@pytest.fixture
def api(caseworker):
    client = APIClient()
    client.force_authenticate(caseworker)
    return client


@pytest.fixture
def refused(caseworker):
    """A study application refused and notified today."""
    application = make_application(product="study", actor=caseworker)
    return decide(application, actor=caseworker, outcome=Decision.Outcome.REFUSE)


@pytest.fixture
def asylum_refused(caseworker):
    application = make_application(product="asylum", actor=caseworker)
    return decide(application, actor=caseworker, outcome=Decision.Outcome.REFUSE)
