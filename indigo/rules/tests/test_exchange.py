"""Golden tests: exchange."""

from datetime import date

from indigo.rules.evaluate import permit_validity, proposal_from
from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

EXCHANGE = "exchange"
RECEIVED = date(2026, 3, 2)


def test_a_vouched_applicant_of_a_recognised_sponsor_is_proposed_for_grant(apply):
    application = apply(
        EXCHANGE,
        received_on=RECEIVED,
        sponsor_is_recognised=True,
        sponsor_vouched=True,
        criminal_record=False,
    )

    assert proposal_from(list(findings_of(application).values())) == "grant"


def test_an_unknown_recognition_is_checked_by_the_caseworker(apply):
    finding = findings_of(apply(EXCHANGE, received_on=RECEIVED))["recognised-sponsor"]

    assert finding.outcome is Outcome.MISSING
    assert "The caseworker records it after checking." in finding.explanation_en


def test_a_sponsor_that_is_not_recognised_is_not_met(apply):
    application = apply(EXCHANGE, received_on=RECEIVED, sponsor_is_recognised=False)

    assert findings_of(application)["recognised-sponsor"].outcome is Outcome.NOT_MET


def test_without_the_sponsors_statement_the_caseworker_judges_the_documents(apply):
    application = apply(EXCHANGE, received_on=RECEIVED, sponsor_vouched=False)

    assert findings_of(application)["sponsor-statement"].outcome is Outcome.JUDGEMENT


def test_the_permit_is_valid_for_the_configured_months(apply):
    validity = permit_validity(application=apply(EXCHANGE, received_on=RECEIVED))

    assert (validity.valid_from, validity.valid_until) == (RECEIVED, date(2027, 3, 2))
