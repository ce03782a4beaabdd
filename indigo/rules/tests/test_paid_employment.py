"""Golden tests: paid employment (single permit, GVVA).

The statutory minimum wage is a parameter: EUR 2,069.40 from 1 January 2024, EUR 2,133.60
from 1 July 2024 [V]; from 2025 not found (null). The product's first catalog version is
2025, so the dated thresholds are judged on the rule set with an earlier reference date
(as for an extension or change of employer).
"""

from datetime import date

from indigo.rules.context import RuleContext
from indigo.rules.findings import Outcome
from indigo.rules.products.work import paid_employment
from indigo.rules.tests.factories import findings_of

PAID = "paid-employment"


def wage_on(apply, reference_date, amount):
    application = apply(PAID, received_on=date(2025, 3, 3), gross_monthly_salary=amount)
    findings = paid_employment(RuleContext(application, reference_date=reference_date))
    return next(f for f in findings if f.condition == "minimum-wage")


def test_a_salary_exactly_at_the_minimum_wage_is_met(apply):
    assert wage_on(apply, date(2024, 8, 1), "2133.60").outcome is Outcome.MET


def test_one_euro_below_the_minimum_wage_is_not_met(apply):
    result = wage_on(apply, date(2024, 8, 1), "2132.60")

    assert result.outcome is Outcome.NOT_MET
    assert "€1 too low" in result.explanation_en


def test_the_minimum_wage_changes_on_1_july(apply):
    before = wage_on(apply, date(2024, 6, 30), "2100.00")
    after = wage_on(apply, date(2024, 7, 1), "2100.00")

    assert (before.outcome, after.outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_across_1_july_2025_the_minimum_wage_rises_to_2245_80(apply):
    before = wage_on(apply, date(2025, 6, 30), "2200.00")
    after = wage_on(apply, date(2025, 7, 1), "2200.00")

    assert (before.outcome, after.outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_an_application_received_in_2025_is_measured_against_the_wage(apply):
    application = apply(PAID, received_on=date(2025, 3, 3), gross_monthly_salary="2500.00")

    assert findings_of(application)["minimum-wage"].outcome is Outcome.MET


def test_a_negative_uwv_advice_is_not_met(apply):
    application = apply(PAID, received_on=date(2025, 3, 3), labour_market_advice_positive=False)

    assert findings_of(application)["labour-market-advice"].outcome is Outcome.NOT_MET


def test_a_missing_uwv_advice_is_requested_from_the_agency(apply):
    application = apply(PAID, received_on=date(2025, 3, 3))

    result = findings_of(application)["labour-market-advice"]

    assert result.outcome is Outcome.MISSING
    assert "from the agency that holds it" in result.explanation_en
