"""Fixtures of the decision tests: standing on a fixed Monday, with the shipped rule
parameters, two caseworkers, and applications brought to the decision phase."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.decisions.tests.factories import (
    SEED_STUDENT,
    make_application_for,
    record_facts,
    to_assessment,
    to_decision,
)
from indigo.rules.services import ensure_parameters

TODAY = date(2026, 8, 3)  # a Monday


@pytest.fixture(autouse=True)
def today():
    moment = datetime.combine(TODAY, time(12), tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def parameters(catalog):
    ensure_parameters()


@pytest.fixture
def caseworker():
    return user_with_role("caseworker", username="anna")


@pytest.fixture
def colleague():
    return user_with_role("caseworker", username="bram")


@pytest.fixture
def student(caseworker):
    """The seed's student, sponsored by her university, in the decision phase."""

    def make(language="en", phase="decision", **facts):
        application = make_application_for(
            actor=caseworker,
            product="study",
            customer_group="recognised-sponsor",
            language=language,
            given_names="Valentina",
            surname="Restrepo Gómez",
        )
        record_facts(application, caseworker, **(SEED_STUDENT | facts))
        if phase == "assessment":
            return to_assessment(application, caseworker)
        return to_decision(application, caseworker)

    return make
