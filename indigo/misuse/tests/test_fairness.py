"""No signal depends on nationality (R16): not as an input, not in its evidence.

The property: build any world of applicants, applications and facts, raise all
signals, then change only the applicants' nationalities — to any other ISO 3166-1
alpha-3 code or an ICAO code such as XXA (stateless) — and raise them again. The
signals (application, kind, evidence, reasons) must be identical.
"""

import json
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_countries import countries
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from indigo import clock
from indigo.cases.models import Applicant, Application, Status
from indigo.cases.tests.factories import make_application
from indigo.cases.validators import SPECIAL_NATIONALITY_CODES
from indigo.misuse import conf
from indigo.misuse.detectors import detect
from indigo.misuse.models import Signal
from indigo.misuse.selectors import subject_of
from indigo.misuse.services import signals_detect
from indigo.misuse.tests.factories import examined, record_fact

NATIONALITIES = sorted(
    {countries.alpha3(code) for code, _ in countries} | set(SPECIAL_NATIONALITY_CODES)
)

identities = st.tuples(
    st.sampled_from(["Ana", "Ana María", "Li"]),
    st.sampled_from(["Ruiz", "Chen"]),
    st.sampled_from([date(1990, 1, 1), date(2001, 5, 5)]),
)
applications = st.fixed_dictionaries(
    {
        "person": st.integers(0, 3),
        "withdrawn": st.booleans(),
        "document_concerns": st.booleans(),
        "travel_document_number": st.sampled_from([None, "X1234567", "x 123-4567", "Y7654321"]),
        "sponsor_kvk_number": st.sampled_from([None, "12345678", "1234 5678", "87654321"]),
        "residential_address": st.sampled_from(
            [
                None,
                {"postcode": "1234 AB", "house_number": 5},
                {"postcode": "1234ab", "house_number": "5"},
                "Kerkstraat 1, Zwolle",
            ]
        ),
    }
)
worlds = st.fixed_dictionaries(
    {
        "persons": st.lists(
            st.tuples(identities, st.sampled_from(NATIONALITIES)), min_size=4, max_size=4
        ),
        "applications": st.lists(applications, min_size=3, max_size=7),
        # How far along the list of codes each person's new nationality is: never 0,
        # so every nationality really changes.
        "shifts": st.lists(st.integers(1, len(NATIONALITIES) - 1), min_size=4, max_size=4),
    }
)


@pytest.fixture
def low_thresholds(settings):
    settings.INDIGO_MISUSE_SPONSOR_REFUSAL_SHARE = "0.5"
    settings.INDIGO_MISUSE_SPONSOR_MINIMUM_APPLICATIONS = 2
    settings.INDIGO_MISUSE_ADDRESS_REGISTRATIONS = 2


def build(world, actor) -> list[Application]:
    built = []
    for spec in world["applications"]:
        person = spec["person"]
        (given_names, surname, born), nationality = world["persons"][person]
        application = make_application(
            actor=actor,
            given_names=given_names,
            surname=surname,
            date_of_birth=born,
            nationality=nationality,
            v_number=f"{1_000_000_000 + person}",  # the same person is the same applicant
        )
        for name in ("travel_document_number", "sponsor_kvk_number", "residential_address"):
            if spec[name] is not None:
                record_fact(application, name, spec[name])
        if spec["document_concerns"]:
            examined(application)
        if spec["withdrawn"]:
            Application.objects.filter(pk=application.pk).update(status=Status.WITHDRAWN)
        built.append(application)
    return built


def raise_all(built) -> set:
    """Every signal the world gives, as comparable values; then forget them again."""
    with transaction.atomic():
        for application in built:
            signals_detect(application=application)
        raised = {
            (
                s.application_id,
                s.kind,
                json.dumps(s.evidence, sort_keys=True),
                s.reason_en,
                s.reason_nl,
            )
            for s in Signal.objects.all()
        }
        transaction.set_rollback(True)
    return raised


def change_nationalities(world) -> None:
    for person, (_identity, nationality) in enumerate(world["persons"]):
        new = NATIONALITIES[
            (NATIONALITIES.index(nationality) + world["shifts"][person]) % len(NATIONALITIES)
        ]
        assert new != nationality
        Applicant.objects.filter(v_number=f"{1_000_000_000 + person}").update(nationality=new)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds)
def test_no_signal_changes_when_only_nationality_changes(world, caseworker, low_thresholds):
    with transaction.atomic():
        built = build(world, caseworker)
        before = raise_all(built)
        event("kinds raised", payload=str(sorted({kind for _, kind, *_ in before})))

        change_nationalities(world)

        assert raise_all(built) == before
        transaction.set_rollback(True)


@pytest.fixture
def every_kind(apply, low_thresholds):
    """A world in which each kind of signal fires, with nationalities that stand out."""
    people = [("Ana", "SYR"), ("Bo", "XXA"), ("Cas", "COL"), ("Dan", "MAR")]
    built = [apply(given_names=name, surname="Jansen", nationality=code) for name, code in people]
    for application in built:
        record_fact(application, "travel_document_number", "P0000001")
        record_fact(application, "sponsor_kvk_number", "12345678")
        record_fact(application, "residential_address", {"postcode": "1000 AA", "house_number": 1})
    examined(built[0])
    Application.objects.filter(pk__in=[built[2].pk, built[3].pk]).update(status=Status.WITHDRAWN)
    return built, [code for _, code in people]


def test_a_signal_never_carries_nationality_in_its_evidence_or_reasons(every_kind):
    built, nationalities = every_kind

    signals = [s for application in built for s in signals_detect(application=application)]

    assert {s.kind for s in signals} == set(Signal.Kind.values)
    for signal in signals:
        text = json.dumps(signal.evidence)
        assert "nationality" not in text.lower()
        for code in nationalities:
            assert code not in text
            assert code not in signal.reason_en and code not in signal.reason_nl


def test_the_detectors_never_query_nationality(every_kind):
    built, _ = every_kind
    thresholds = conf.thresholds_on(clock.today())

    with CaptureQueriesContext(connection) as queries:
        found = [
            f for a in built for f in detect(subject_of(application_id=a.pk), thresholds=thresholds)
        ]

    assert found  # the detectors did run and look at the data
    assert not [q["sql"] for q in queries if "nationality" in q["sql"].lower()]
