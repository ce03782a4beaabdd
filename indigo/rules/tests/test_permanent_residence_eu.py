"""Golden tests: permanent residence (EU long-term resident)."""

from datetime import date

from indigo.rules.evaluate import permit_validity
from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

PERMANENT = "permanent-residence-eu"
RECEIVED = date(2026, 3, 2)


def finding(apply, condition, **facts):
    return findings_of(apply(PERMANENT, received_on=RECEIVED, **facts))[condition]


def test_exactly_the_required_years_of_residence_are_met(apply):
    result = finding(apply, "residence-years", years_legal_residence=5)

    assert result.outcome is Outcome.MET
    assert result.explanation_en == (
        "The applicant has lived legally in the Netherlands for 5 years. 5 years are needed."
    )


def test_a_year_less_is_not_met(apply):
    assert finding(apply, "residence-years", years_legal_residence=4).outcome is Outcome.NOT_MET


def test_civic_integration_not_passed_is_not_met(apply):
    assert (
        finding(apply, "civic-integration", civic_integration_passed=False).outcome
        is Outcome.NOT_MET
    )


def test_the_income_norm_that_was_not_found_needs_judgement(apply):
    result = finding(apply, "sufficient-income", gross_monthly_income="3000.00")

    assert result.outcome is Outcome.JUDGEMENT


def test_a_missing_income_is_asked_for(apply):
    assert finding(apply, "sufficient-income").outcome is Outcome.MISSING


def test_the_document_is_valid_for_the_configured_years(apply):
    validity = permit_validity(application=apply(PERMANENT, received_on=RECEIVED))

    assert validity.valid_until == date(2031, 3, 2)
