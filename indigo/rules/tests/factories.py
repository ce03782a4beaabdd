"""Applications with facts, for the rules tests: made through the services, as in real use."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine

from indigo.cases.tests.factories import make_application
from indigo.rules.evaluate import application_evaluate
from indigo.rules.services import fact_record
from indigo.rules.vocabulary import FACT_NAMES

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def on(day: date):
    """Stand on `day` at noon, Amsterdam time."""
    return time_machine.travel(datetime.combine(day, time(12), tzinfo=AMSTERDAM), tick=False)


def application_with_facts(
    *,
    actor,
    product: str,
    received_on: date,
    date_of_birth: date = date(1990, 6, 15),
    nationality: str = "IND",
    **facts,
):
    """An application received on a date, with facts recorded from their usual source."""
    with on(received_on):
        application = make_application(
            product=product,
            received_on=received_on,
            date_of_birth=date_of_birth,
            nationality=nationality,
            actor=actor,
        )
        record(actor, application, **facts)
    return application


def record(actor, application, **facts):
    for name, value in facts.items():
        fact_record(
            actor=actor,
            application=application,
            name=name,
            value=value,
            source=FACT_NAMES[name].asked_of,
        )


def findings_of(application) -> dict:
    """The findings by condition code."""
    return {f.condition: f for f in application_evaluate(application=application)}
