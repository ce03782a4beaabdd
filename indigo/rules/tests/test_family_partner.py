"""Golden tests: residence with a partner.

Income norm, 100% of the gross statutory minimum wage [V] ind-facts.md section 4:
EUR 2,069.40 from 1 January 2024, EUR 2,133.60 from 1 July 2024; 2025 and 2026 not found.
"""

from datetime import date

import pytest

from indigo.rules.evaluate import permit_validity
from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

PARTNER = "family-partner"
MARCH_2024 = date(2024, 3, 1)


def income(apply, amount, *, received_on=MARCH_2024):
    application = apply(PARTNER, received_on=received_on, sponsor_gross_monthly_income=amount)
    return findings_of(application)["sponsor-income"]


def test_an_income_exactly_at_the_norm_is_met(apply):
    finding = income(apply, "2069.40")

    assert finding.outcome is Outcome.MET
    assert finding.explanation_en == (
        "The sponsor's income is €2,069.40 a month. On 1 March 2024, the income a sponsor "
        "needs (100% of the statutory minimum wage) is €2,069.40. That is enough."
    )


def test_an_income_one_euro_below_the_norm_is_not_met(apply):
    finding = income(apply, "2068.40")

    assert finding.outcome is Outcome.NOT_MET
    assert finding.explanation_nl.endswith("Het inkomen van de referent is € 1 te laag.")


def test_the_norm_rises_on_1_july(apply):
    before = income(apply, "2100.00", received_on=date(2024, 6, 30))
    after = income(apply, "2100.00", received_on=date(2024, 7, 1))

    assert (before.outcome, after.outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_across_1_january_2025_the_norm_rises_to_the_new_reference_wage(apply):
    before = income(apply, "2133.60", received_on=date(2024, 12, 31))
    after = income(apply, "2133.60", received_on=date(2025, 1, 1))

    assert (before.outcome, after.outcome) == (Outcome.MET, Outcome.NOT_MET)
    assert "€ 2.191,80" in after.letter_nl


@pytest.mark.parametrize(
    ("received_on", "norm"),
    [
        (date(2025, 6, 30), "€ 2.191,80"),
        (date(2025, 7, 1), "€ 2.245,80"),
        (date(2026, 1, 1), "€ 2.294,40"),
    ],
)
def test_the_norm_follows_the_reference_monthly_wage(apply, received_on, norm):
    finding = income(apply, "2100.00", received_on=received_on)

    assert finding.outcome is Outcome.NOT_MET
    assert finding.letter_nl.startswith("Het inkomen van uw referent is € 2.100 per maand.")
    assert f"U heeft minimaal {norm} per maand nodig." in finding.letter_nl


def test_a_missing_income_is_requested_from_the_agency_that_holds_it(apply):
    finding = findings_of(apply(PARTNER, received_on=MARCH_2024))["sponsor-income"]

    assert finding.outcome is Outcome.MISSING
    assert finding.missing == ("sponsor_gross_monthly_income",)


def test_income_lasting_the_required_months_is_met(apply):
    application = apply(PARTNER, received_on=MARCH_2024, income_duration_months=12)

    assert findings_of(application)["income-duration"].outcome is Outcome.MET


def test_income_lasting_a_month_less_is_a_contra_indication_to_weigh(apply):
    application = apply(PARTNER, received_on=MARCH_2024, income_duration_months=11)

    finding = findings_of(application)["income-duration"]

    assert finding.outcome is Outcome.CONTRA_INDICATION
    assert "It must last at least 12 months." in finding.explanation_en


def test_partners_who_are_both_21_are_old_enough(apply):
    application = apply(
        PARTNER,
        received_on=MARCH_2024,
        date_of_birth=date(2003, 3, 1),
        sponsor_date_of_birth="2003-03-01",
    )

    finding = findings_of(application)["minimum-age"]

    assert finding.outcome is Outcome.MET
    assert finding.explanation_en == (
        "On 1 March 2024 the applicant is 21 and the sponsor is 21. Both must be 21 or older."
    )


def test_an_applicant_of_20_is_not_met(apply):
    application = apply(
        PARTNER,
        received_on=MARCH_2024,
        date_of_birth=date(2003, 3, 2),
        sponsor_date_of_birth="1990-01-01",
    )

    assert findings_of(application)["minimum-age"].outcome is Outcome.NOT_MET


def test_a_sponsor_of_20_is_not_met(apply):
    application = apply(
        PARTNER,
        received_on=MARCH_2024,
        date_of_birth=date(1990, 1, 1),
        sponsor_date_of_birth="2003-03-02",
    )

    assert findings_of(application)["minimum-age"].outcome is Outcome.NOT_MET


def test_a_missing_sponsor_date_of_birth_is_asked_for(apply):
    finding = findings_of(apply(PARTNER, received_on=MARCH_2024))["minimum-age"]

    assert finding.missing == ("sponsor_date_of_birth",)


def test_an_unmarried_relationship_is_for_the_caseworker_to_assess(apply):
    application = apply(PARTNER, received_on=MARCH_2024, relationship_registered=False)

    assert findings_of(application)["relationship"].outcome is Outcome.JUDGEMENT


def test_the_permit_ends_with_the_sponsors_permit(apply):
    application = apply(PARTNER, received_on=MARCH_2024, sponsor_permit_end_date="2026-05-31")

    assert permit_validity(application=application).valid_until == date(2026, 5, 31)


def test_the_permit_is_valid_for_the_configured_years_at_most(apply):
    application = apply(PARTNER, received_on=MARCH_2024)

    assert permit_validity(application=application).valid_until == date(2029, 3, 1)
