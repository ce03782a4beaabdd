"""Golden tests: highly skilled migrant (kennismigrant).

Thresholds (gross per month, without holiday allowance) [V] ind-facts.md section 4:
2025: 30+ EUR 5,688, under 30 EUR 4,171, reduced EUR 2,989;
2026: 30+ EUR 5,942, under 30 EUR 4,357, reduced EUR 3,122.
"""

from datetime import date

from indigo.rules.evaluate import permit_validity, proposal_from
from indigo.rules.findings import Outcome
from indigo.rules.models import Parameter
from indigo.rules.tests.factories import findings_of

HSM = "highly-skilled-migrant"
MARCH_2026 = date(2026, 3, 1)
AGED_35 = date(1990, 6, 15)


def salary(apply, amount, *, received_on=MARCH_2026, born=AGED_35, **facts):
    application = apply(
        HSM, received_on=received_on, date_of_birth=born, gross_monthly_salary=amount, **facts
    )
    return findings_of(application)["salary-threshold"]


def test_a_salary_exactly_at_the_threshold_for_30_plus_is_met(apply):
    finding = salary(apply, "5942.00", reduced_salary_criterion_applies=False)

    assert finding.outcome is Outcome.MET
    assert finding.explanation_en == (
        "The applicant is 35 on 1 March 2026. The salary is €5,942 a month. On 1 March "
        "2026, the minimum salary for someone of 30 or older is €5,942. That is enough."
    )


def test_a_salary_one_euro_below_the_threshold_is_not_met(apply):
    finding = salary(apply, "5941.00", reduced_salary_criterion_applies=False)

    assert finding.outcome is Outcome.NOT_MET


def test_the_explanation_names_the_numbers_in_english_and_dutch(apply):
    finding = salary(apply, "5000.00", reduced_salary_criterion_applies=False)

    assert finding.explanation_en.endswith(
        "The salary is €5,000 a month. On 1 March 2026, the minimum salary for someone of "
        "30 or older is €5,942. The salary is €942 too low."
    )
    assert finding.explanation_nl == (
        "De aanvrager is op 1 maart 2026 35 jaar. Het salaris is € 5.000 per maand. Op 1 "
        "maart 2026 is het minimumsalaris voor iemand van 30 jaar of ouder € 5.942. Het "
        "salaris is € 942 te laag."
    )


def test_an_applicant_who_turns_30_on_the_reference_date_needs_the_30_plus_threshold(apply):
    finding = salary(
        apply, "4357.00", born=date(1996, 3, 1), reduced_salary_criterion_applies=False
    )

    assert finding.outcome is Outcome.NOT_MET
    assert "someone of 30 or older is €5,942" in finding.explanation_en


def test_an_applicant_of_29_on_the_reference_date_needs_the_under_30_threshold(apply):
    finding = salary(
        apply, "4357.00", born=date(1996, 3, 2), reduced_salary_criterion_applies=False
    )

    assert finding.outcome is Outcome.MET
    assert "The applicant is 29 on 1 March 2026." in finding.explanation_en


def test_one_euro_below_the_under_30_threshold_is_not_met(apply):
    finding = salary(
        apply, "4356.00", born=date(1996, 3, 2), reduced_salary_criterion_applies=False
    )

    assert finding.outcome is Outcome.NOT_MET


def test_an_application_received_on_31_december_is_judged_with_that_years_threshold(apply):
    finding = salary(
        apply, "5688.00", received_on=date(2025, 12, 31), reduced_salary_criterion_applies=False
    )

    assert finding.outcome is Outcome.MET
    assert "€5,688" in finding.explanation_en


def test_the_same_salary_received_on_1_january_is_judged_with_the_new_threshold(apply):
    finding = salary(
        apply, "5688.00", received_on=date(2026, 1, 1), reduced_salary_criterion_applies=False
    )

    assert finding.outcome is Outcome.NOT_MET
    assert "€5,942" in finding.explanation_en
    assert "The salary is €254 too low." in finding.explanation_en


def test_the_reduced_threshold_applies_when_the_criterion_does(apply):
    at = salary(apply, "3122.00", reduced_salary_criterion_applies=True)
    below = salary(apply, "3121.00", reduced_salary_criterion_applies=True)

    assert at.outcome is Outcome.MET
    assert below.outcome is Outcome.NOT_MET


def test_a_salary_between_the_reduced_and_the_normal_threshold_asks_whether_the_reduced_one_applies(
    apply,
):
    finding = salary(apply, "4000.00")

    assert finding.outcome is Outcome.MISSING
    assert finding.missing == ("reduced_salary_criterion_applies",)
    assert "€3,122" in finding.explanation_en


def test_a_salary_below_even_the_reduced_threshold_is_not_met_without_asking(apply):
    finding = salary(apply, "3000.00")

    assert finding.outcome is Outcome.NOT_MET


def test_a_missing_salary_is_asked_for_not_refused(apply):
    application = apply(HSM, received_on=MARCH_2026)

    finding = findings_of(application)["salary-threshold"]

    assert finding.outcome is Outcome.MISSING
    assert finding.missing == ("gross_monthly_salary",)
    assert "never a reason to refuse" in finding.explanation_en


def test_a_threshold_not_configured_for_the_date_needs_judgement(apply):
    Parameter.objects.filter(key="hsm-salary-30-plus", valid_from=date(2026, 1, 1)).update(
        value=None
    )

    finding = salary(apply, "6000.00", reduced_salary_criterion_applies=False)

    assert finding.outcome is Outcome.JUDGEMENT
    assert "For 1 March 2026" in finding.explanation_en
    assert "not configured" in finding.explanation_en


def test_the_finding_shows_the_facts_and_the_parameter_with_their_sources(apply):
    finding = salary(apply, "5942.00", reduced_salary_criterion_applies=False)

    used = {use.name: use for use in finding.facts}
    assert used["gross_monthly_salary"].source == "sponsor"
    assert used["gross_monthly_salary"].value == "5942.00"
    assert used["date_of_birth"].source == "application"
    assert used["hsm-salary-30-plus"].value == "5942.00"
    assert used["hsm-salary-30-plus"].kind == "parameter"
    assert used["hsm-salary-30-plus"].source.startswith("parameter: from 2026-01-01: [V] meijburg")


def test_an_employer_that_is_not_a_recognised_sponsor_is_not_met(apply):
    application = apply(HSM, received_on=MARCH_2026, employer_is_recognised_sponsor=False)

    finding = findings_of(application)["recognised-sponsor"]

    assert finding.outcome is Outcome.NOT_MET


def test_a_turkish_national_needs_no_recognised_sponsor_and_the_finding_cites_why(apply):
    application = apply(
        HSM, received_on=MARCH_2026, nationality="TUR", employer_is_recognised_sponsor=False
    )

    finding = findings_of(application)["recognised-sponsor"]

    assert finding.outcome is Outcome.MET
    assert "Decision 1/80" in finding.legal_basis
    assert {u.name for u in finding.facts} == {"employer_is_recognised_sponsor", "nationality"}


def test_nationality_is_not_read_when_the_employer_is_a_recognised_sponsor(apply):
    application = apply(
        HSM, received_on=MARCH_2026, nationality="TUR", employer_is_recognised_sponsor=True
    )

    finding = findings_of(application)["recognised-sponsor"]

    assert finding.outcome is Outcome.MET
    assert "nationality" not in {u.name for u in finding.facts}


def test_a_criminal_record_entry_is_a_contra_indication_to_weigh(apply):
    application = apply(HSM, received_on=MARCH_2026, criminal_record=True)

    finding = findings_of(application)["public-order"]

    assert finding.outcome is Outcome.CONTRA_INDICATION


def complete(**overrides):
    return {
        "gross_monthly_salary": "6000.00",
        "reduced_salary_criterion_applies": False,
        "employer_is_recognised_sponsor": True,
        "criminal_record": False,
        "contract_end_date": "2027-02-28",
    } | overrides


def test_a_complete_application_meeting_every_condition_is_proposed_for_grant(apply):
    application = apply(HSM, received_on=MARCH_2026, **complete())

    findings = list(findings_of(application).values())

    assert [f.outcome for f in findings] == [Outcome.MET] * 3
    assert proposal_from(findings) == "grant"


def test_the_permit_runs_until_the_end_of_the_contract(apply):
    application = apply(HSM, received_on=MARCH_2026, **complete())

    validity = permit_validity(application=application)

    assert (validity.valid_from, validity.valid_until) == (MARCH_2026, date(2027, 2, 28))


def test_a_longer_contract_is_capped_at_the_maximum_validity(apply):
    application = apply(HSM, received_on=MARCH_2026, **complete(contract_end_date="2035-12-31"))

    validity = permit_validity(application=application)

    assert validity.valid_until == date(2031, 3, 1)
    assert "capped at the maximum of 5 years (hsm-permit-max-years)" in validity.basis


def test_an_open_ended_contract_gets_the_maximum_validity(apply):
    facts = complete(contract_open_ended=True)
    del facts["contract_end_date"]
    application = apply(HSM, received_on=MARCH_2026, **facts)

    assert permit_validity(application=application).valid_until == date(2031, 3, 1)
