"""A grant sets the permit's validity from the product's rules (facts, parameters)."""

from datetime import date

from indigo.decisions.services import decision_record
from indigo.decisions.tests.factories import make_application_for, record_facts, to_decision

HSM_COMPLETE = {
    "gross_monthly_salary": "6000.00",
    "reduced_salary_criterion_applies": False,
    "employer_is_recognised_sponsor": True,
    "criminal_record": False,
}


def test_a_study_permit_runs_for_the_programme_plus_the_configured_months(student, caseworker):
    application = student(programme_end_date="2028-08-31")

    decision = decision_record(actor=caseworker, application=application, outcome="grant")

    assert (decision.valid_from, decision.valid_until) == (date(2026, 8, 3), date(2028, 11, 30))
    assert "the programme ends on 31 August 2028" in decision.validity_basis


def test_a_highly_skilled_migrants_long_contract_is_capped_at_the_maximum(caseworker):
    application = make_application_for(
        actor=caseworker, product="highly-skilled-migrant", customer_group="recognised-sponsor"
    )
    record_facts(application, caseworker, contract_end_date="2035-12-31", **HSM_COMPLETE)
    application = to_decision(application, caseworker)

    decision = decision_record(actor=caseworker, application=application, outcome="grant")

    assert decision.valid_until == date(2031, 8, 3)
    assert "capped at the maximum of 5 years" in decision.validity_basis


def test_a_highly_skilled_migrants_short_contract_sets_the_end(caseworker):
    application = make_application_for(
        actor=caseworker, product="highly-skilled-migrant", customer_group="recognised-sponsor"
    )
    record_facts(application, caseworker, contract_end_date="2027-07-31", **HSM_COMPLETE)
    application = to_decision(application, caseworker)

    decision = decision_record(actor=caseworker, application=application, outcome="grant")

    assert decision.valid_until == date(2027, 7, 31)
