"""Golden tests: naturalisation (RWN)."""

from datetime import date

from indigo.rules.evaluate import permit_validity, proposal_from
from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

NATURALISATION = "naturalisation"
RECEIVED = date(2025, 6, 2)


def findings(apply, **facts):
    return findings_of(apply(NATURALISATION, received_on=RECEIVED, **facts))


def test_exactly_the_required_years_of_residence_are_met(apply):
    assert findings(apply, years_legal_residence=5)["residence-years"].outcome is Outcome.MET


def test_a_year_less_is_not_met_and_mentions_the_exceptions(apply):
    result = findings(apply, years_legal_residence=4)["residence-years"]

    assert result.outcome is Outcome.NOT_MET
    assert "partner of a Dutch national" in result.explanation_en
    assert "Rijkswet op het Nederlanderschap art. 8(1)(c)" in result.legal_basis


def test_a_criminal_record_entry_is_weighed_not_refused(apply):
    result = findings(
        apply, years_legal_residence=7, civic_integration_passed=True, criminal_record=True
    )

    assert result["public-order"].outcome is Outcome.CONTRA_INDICATION
    assert proposal_from(list(result.values())) == "judgement"


def test_naturalisation_gives_no_residence_permit(apply):
    assert permit_validity(application=apply(NATURALISATION, received_on=RECEIVED)) is None
