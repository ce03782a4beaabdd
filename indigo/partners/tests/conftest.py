"""Fixtures of the partners tests: a family application whose sponsor has a BSN."""

from datetime import date

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.rules.services import ensure_parameters, fact_record

# A made-up BSN that passes the 11-test (not a real person).
SPONSOR_BSN = "999993653"


@pytest.fixture(autouse=True)
def _parameters(db):
    ensure_parameters()


@pytest.fixture
def traveller():
    with time_machine.travel("2024-03-01 10:00 +01:00", tick=False) as traveller:
        yield traveller


@pytest.fixture
def caseworker(db):
    return user_with_role("caseworker")


@pytest.fixture
def family_application(caseworker, traveller):
    """A partner application received on 1 March 2024, the sponsor's BSN recorded."""
    application = make_application(
        product="family-partner", actor=caseworker, received_on=date(2024, 3, 1)
    )
    fact_record(
        actor=caseworker,
        application=application,
        name="sponsor_bsn",
        value=SPONSOR_BSN,
        source="applicant",
    )
    return application
