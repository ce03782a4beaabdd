"""Golden tests: EU Blue Card.

Thresholds [V] ind-facts.md section 4: 2025 EUR 5,688 (reduced EUR 4,551); 2026
EUR 5,942 (reduced EUR 4,754); 2024 not found (null).
"""

from datetime import date

from indigo.rules.context import RuleContext
from indigo.rules.evaluate import permit_validity
from indigo.rules.findings import Outcome
from indigo.rules.products.work import eu_blue_card
from indigo.rules.tests.factories import findings_of

BLUE_CARD = "eu-blue-card"
MARCH_2026 = date(2026, 3, 1)


def finding(apply, condition, *, received_on=MARCH_2026, **facts):
    return findings_of(apply(BLUE_CARD, received_on=received_on, **facts))[condition]


def test_a_salary_exactly_at_the_threshold_is_met(apply):
    result = finding(
        apply, "salary-threshold", gross_monthly_salary=5942, reduced_salary_criterion_applies=False
    )

    assert result.outcome is Outcome.MET


def test_one_euro_below_the_threshold_is_not_met(apply):
    result = finding(
        apply, "salary-threshold", gross_monthly_salary=5941, reduced_salary_criterion_applies=False
    )

    assert result.outcome is Outcome.NOT_MET
    assert "The salary is €1 too low." in result.explanation_en


def test_the_same_salary_meets_the_2025_threshold_on_31_december_but_not_the_2026_one(apply):
    facts = {"gross_monthly_salary": 5688, "reduced_salary_criterion_applies": False}

    before = finding(apply, "salary-threshold", received_on=date(2025, 12, 31), **facts)
    after = finding(apply, "salary-threshold", received_on=date(2026, 1, 1), **facts)

    assert (before.outcome, after.outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_the_reduced_threshold_at_and_one_euro_below(apply):
    at = finding(
        apply, "salary-threshold", gross_monthly_salary=4754, reduced_salary_criterion_applies=True
    )
    below = finding(
        apply, "salary-threshold", gross_monthly_salary=4753, reduced_salary_criterion_applies=True
    )

    assert (at.outcome, below.outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_the_2024_threshold_that_was_not_found_needs_judgement(apply):
    application = apply(
        BLUE_CARD,
        received_on=MARCH_2026,
        gross_monthly_salary=6000,
        reduced_salary_criterion_applies=False,
    )

    findings = eu_blue_card(RuleContext(application, reference_date=date(2024, 6, 1)))

    salary = next(f for f in findings if f.condition == "salary-threshold")
    assert salary.outcome is Outcome.JUDGEMENT
    assert (
        "For 1 June 2024, the minimum salary for an EU Blue Card is not configured"
        in salary.explanation_en
    )


def test_a_contract_of_exactly_the_minimum_months_is_met(apply):
    result = finding(
        apply, "contract-duration", contract_start_date="2026-04-01", contract_end_date="2026-09-30"
    )

    assert result.outcome is Outcome.MET
    assert "6 months" in result.explanation_en


def test_a_contract_one_day_short_of_the_minimum_is_not_met(apply):
    result = finding(
        apply, "contract-duration", contract_start_date="2026-04-01", contract_end_date="2026-09-29"
    )

    assert result.outcome is Outcome.NOT_MET


def test_missing_contract_dates_are_asked_for(apply):
    result = finding(apply, "contract-duration", contract_start_date="2026-04-01")

    assert result.outcome is Outcome.MISSING
    assert result.missing == ("contract_end_date",)


def test_no_higher_professional_qualification_is_not_met(apply):
    result = finding(apply, "higher-qualification", higher_professional_qualification=False)

    assert result.outcome is Outcome.NOT_MET


def test_the_card_runs_three_months_past_a_short_contract(apply):
    application = apply(BLUE_CARD, received_on=MARCH_2026, contract_end_date="2027-03-31")

    validity = permit_validity(application=application)

    assert validity.valid_until == date(2027, 6, 30)


def test_the_card_is_capped_at_its_maximum_validity(apply):
    application = apply(BLUE_CARD, received_on=MARCH_2026, contract_open_ended=True)

    assert permit_validity(application=application).valid_until == date(2030, 3, 1)
