"""Asylum: the system structures the assessment and never says "not met"."""

from datetime import date

from indigo.rules.evaluate import permit_validity, proposal_from
from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

ASYLUM = "asylum"
RECEIVED = date(2025, 9, 1)


def test_every_finding_asks_for_judgement_in_the_order_of_the_assessment(apply):
    findings = findings_of(apply(ASYLUM, received_on=RECEIVED))

    assert list(findings) == ["identity-established", "credibility", "protection-need"]
    assert {f.outcome for f in findings.values()} == {Outcome.JUDGEMENT}


def test_negative_interim_assessments_are_shown_but_still_need_judgement(apply):
    application = apply(
        ASYLUM,
        received_on=RECEIVED,
        identity_established=False,
        account_credible=False,
        protection_need="none",
    )

    findings = findings_of(application)

    assert {f.outcome for f in findings.values()} == {Outcome.JUDGEMENT}
    assert findings["protection-need"].explanation_en.endswith(
        "Recorded so far: no protection need."
    )
    assert proposal_from(list(findings.values())) == "judgement"


def test_the_permit_is_valid_for_the_configured_years(apply):
    validity = permit_validity(application=apply(ASYLUM, received_on=RECEIVED))

    assert validity.valid_until == date(2030, 9, 1)
