"""Golden tests: au pair. Ages 18 to 30 on the date of receipt (parameters, UNVERIFIED)."""

from datetime import date

from indigo.rules.evaluate import permit_validity
from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

AU_PAIR = "au-pair"
RECEIVED = date(2026, 3, 2)


def age_finding(apply, born):
    return findings_of(apply(AU_PAIR, received_on=RECEIVED, date_of_birth=born))["age"]


def test_an_applicant_who_turns_18_on_the_reference_date_is_old_enough(apply):
    assert age_finding(apply, date(2008, 3, 2)).outcome is Outcome.MET


def test_an_applicant_of_17_is_not_met(apply):
    finding = age_finding(apply, date(2008, 3, 3))

    assert finding.outcome is Outcome.NOT_MET
    assert finding.explanation_en == (
        "The applicant is 17 on 2 March 2026. An au pair must be between 18 and 25 years old."
    )


def test_an_applicant_of_25_is_young_enough(apply):
    assert age_finding(apply, date(2000, 3, 3)).outcome is Outcome.MET


def test_an_applicant_who_turns_26_on_the_reference_date_is_not_met(apply):
    # ind.nl: "minimaal 18 en maximaal 25 jaar oud op het moment van de aanvraag".
    assert age_finding(apply, date(2000, 3, 2)).outcome is Outcome.NOT_MET


def test_an_applicant_of_30_is_too_old(apply):
    assert age_finding(apply, date(1995, 3, 3)).outcome is Outcome.NOT_MET


def test_a_sponsor_that_is_not_recognised_is_not_met(apply):
    application = apply(AU_PAIR, received_on=RECEIVED, sponsor_is_recognised=False)

    assert findings_of(application)["recognised-sponsor"].outcome is Outcome.NOT_MET


def test_the_permit_is_valid_for_the_configured_months(apply):
    application = apply(AU_PAIR, received_on=RECEIVED)

    assert permit_validity(application=application).valid_until == date(2027, 3, 2)
