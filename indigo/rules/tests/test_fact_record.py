"""Recording facts: declared names, checked types, their source, and an event."""

from datetime import date

import pytest
from django.db import DatabaseError

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.errors import InvalidInput, NotAllowed
from indigo.rules.models import Fact
from indigo.rules.selectors import facts_of
from indigo.rules.services import fact_record
from indigo.rules.tests.factories import findings_of, on
from indigo.rules.vocabulary import FACT_NAMES, Kind

RECEIVED = date(2026, 3, 2)


@pytest.fixture
def application(apply):
    return apply("highly-skilled-migrant", received_on=RECEIVED)


def record(actor, application, name="gross_monthly_salary", value="5942", source="sponsor", **kw):
    with on(RECEIVED):
        return fact_record(
            actor=actor, application=application, name=name, value=value, source=source, **kw
        )


def test_a_fact_is_recorded_with_its_source_and_an_event(caseworker, application):
    fact = record(caseworker, application, source_detail="employer's statement")

    assert (fact.value, fact.source, fact.source_detail) == (
        "5942.00",
        "sponsor",
        "employer's statement",
    )
    assert fact.recorded_by == caseworker
    event = ApplicationEvent.objects.filter(application=application, action="fact-recorded").get()
    assert event.payload == {"name": "gross_monthly_salary", "source": "sponsor"}


def test_an_undeclared_name_is_refused(caseworker, application):
    with pytest.raises(InvalidInput) as caught:
        record(caseworker, application, name="gross_montly_salary")

    assert caught.value.field == "name"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("gross_monthly_salary", "a lot"),
        ("gross_monthly_salary", -1),
        ("gross_monthly_salary", "5942.001"),
        ("gross_monthly_salary", True),
        ("contract_end_date", "31-12-2027"),
        ("criminal_record", "no"),
        ("years_legal_residence", 4.5),
        ("years_legal_residence", True),
        ("programme_name", "   "),
        ("protection_need", "maybe"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_naming_the_fact(caseworker, application, name, value):
    with pytest.raises(InvalidInput) as caught:
        record(caseworker, application, name=name, value=value)

    assert caught.value.field == name
    assert f"'{name}'" in caught.value.message
    assert not Fact.objects.filter(application=application).exists()


def test_a_finding_shows_where_a_fact_came_from_in_detail(caseworker, apply):
    application = apply("family-partner", received_on=date(2024, 3, 1))
    with on(date(2024, 3, 1)):
        fact_record(
            actor=caseworker,
            application=application,
            name="sponsor_gross_monthly_income",
            value="2500.00",
            source="partner",
            source_detail="UWV polisadministratie",
        )

    [use] = [u for u in findings_of(application)["sponsor-income"].facts if u.kind == "partner"]

    assert (use.name, use.source) == (
        "sponsor_gross_monthly_income",
        "partner: UWV polisadministratie",
    )


def test_a_structured_address_from_the_brp_is_accepted(caseworker, application):
    address = {"street": "Rijnstraat", "house_number": 8, "postcode": "2515 XP", "city": "Den Haag"}

    fact = record(
        caseworker, application, name="residential_address", value=address, source="partner"
    )

    assert fact.value == address


def test_a_structured_address_without_postcode_is_refused(caseworker, application):
    with pytest.raises(InvalidInput):
        record(caseworker, application, name="residential_address", value={"city": "Den Haag"})


def test_a_date_is_stored_as_iso_text(caseworker, application):
    fact = record(caseworker, application, name="contract_end_date", value=date(2027, 12, 31))

    assert fact.value == "2027-12-31"


def test_an_unknown_source_is_refused(caseworker, application):
    with pytest.raises(InvalidInput) as caught:
        record(caseworker, application, source="rumour")

    assert caught.value.field == "source"


def test_a_newer_fact_counts_and_the_earlier_stays_in_history(caseworker, application):
    first = record(caseworker, application, value="5000")
    second = record(caseworker, application, value="6000", source="partner")

    [entry] = facts_of(application=application)

    assert entry.current == second
    assert entry.earlier == (first,)
    assert entry.label("nl") == "bruto maandsalaris (zonder vakantiegeld)"


def test_a_fact_cannot_be_changed(caseworker, application):
    fact = record(caseworker, application)

    with pytest.raises(DatabaseError, match="append-only"):
        Fact.objects.filter(pk=fact.pk).update(value="1.00")


def test_a_partner_adapter_without_a_user_records_only_partner_facts(application):
    assert record(None, application, source="partner").recorded_by is None

    with pytest.raises(NotAllowed):
        record(None, application, source="caseworker")


def test_someone_elses_statement_cannot_be_recorded_by_a_non_staff_user(db, application):
    stranger = user_with_role("applicant")

    with pytest.raises(NotAllowed):
        record(stranger, application, source="applicant")


def test_every_yes_no_fact_is_labelled_as_a_question_so_a_missing_one_reads_right():
    for fact in FACT_NAMES.values():
        if fact.kind is Kind.BOOL:
            assert fact.label_en.startswith("whether "), fact.name
            assert fact.label_nl.startswith("of "), fact.name
