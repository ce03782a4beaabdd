"""Golden tests: study. The seed's scenario: a recognised university vouches for its
student, and the permit runs for the whole programme."""

from datetime import date

from indigo.rules.evaluate import permit_validity, proposal_from
from indigo.rules.findings import Outcome
from indigo.rules.models import Parameter
from indigo.rules.tests.factories import findings_of

STUDY = "study"
AUGUST_2026 = date(2026, 8, 3)
SEED_STUDENT = {
    "admitted_to_programme": True,
    "programme_name": "MSc Water Management",
    "programme_end_date": "2028-08-31",
    "institution_is_recognised": True,
    "sponsor_vouched": True,
    "criminal_record": False,
}


def test_the_vouched_student_of_a_recognised_university_is_proposed_for_grant(apply):
    application = apply(STUDY, received_on=AUGUST_2026, nationality="COL", **SEED_STUDENT)

    findings = findings_of(application)

    assert {c: f.outcome for c, f in findings.items()} == {
        "programme-admission": Outcome.MET,
        "recognised-sponsor": Outcome.MET,
        "sufficient-means": Outcome.MET,
        "public-order": Outcome.MET,
    }
    assert proposal_from(list(findings.values())) == "grant"


def test_the_permit_runs_for_the_programme_plus_the_configured_months(apply):
    application = apply(STUDY, received_on=AUGUST_2026, **SEED_STUDENT)

    validity = permit_validity(application=application)

    assert (validity.valid_from, validity.valid_until) == (AUGUST_2026, date(2028, 11, 30))
    assert "plus 3 months (study-permit-extra-months)" in validity.basis


def test_the_admission_names_the_programme(apply):
    application = apply(STUDY, received_on=AUGUST_2026, **SEED_STUDENT)

    finding = findings_of(application)["programme-admission"]

    assert (
        finding.explanation_nl
        == "De aanvrager is toegelaten tot de opleiding MSc Water Management."
    )


def test_an_institution_that_is_not_recognised_is_not_met(apply):
    application = apply(
        STUDY, received_on=AUGUST_2026, **(SEED_STUDENT | {"institution_is_recognised": False})
    )

    assert findings_of(application)["recognised-sponsor"].outcome is Outcome.NOT_MET


def test_without_the_sponsors_statement_the_means_norm_that_was_not_found_needs_judgement(apply):
    facts = SEED_STUDENT | {"sponsor_vouched": False, "monthly_means": "1200.00"}
    application = apply(STUDY, received_on=AUGUST_2026, **facts)

    finding = findings_of(application)["sufficient-means"]

    assert finding.outcome is Outcome.JUDGEMENT
    assert "the money a student needs per month is not configured" in finding.explanation_en


def configure_means(amount: str) -> None:
    # A figure for the test only; the real one was not found and is entered by an administrator.
    Parameter.objects.create(
        key="study-means-monthly",
        valid_from=date(2026, 1, 1),
        value=amount,
        unit="EUR/month",
        source="test figure",
    )


def test_means_exactly_at_a_configured_norm_are_met(apply):
    configure_means("1000.00")
    application = apply(
        STUDY, received_on=AUGUST_2026, sponsor_vouched=False, monthly_means="1000.00"
    )

    assert findings_of(application)["sufficient-means"].outcome is Outcome.MET


def test_means_one_euro_below_a_configured_norm_are_not_met(apply):
    configure_means("1000.00")
    application = apply(
        STUDY, received_on=AUGUST_2026, sponsor_vouched=False, monthly_means="999.00"
    )

    assert findings_of(application)["sufficient-means"].outcome is Outcome.NOT_MET


def test_a_configured_norm_from_1_january_does_not_apply_on_31_december(apply):
    configure_means("1000.00")
    application = apply(
        STUDY, received_on=date(2025, 12, 31), sponsor_vouched=False, monthly_means="1000.00"
    )

    assert findings_of(application)["sufficient-means"].outcome is Outcome.JUDGEMENT


def test_missing_means_are_asked_of_the_applicant(apply):
    application = apply(STUDY, received_on=AUGUST_2026)

    finding = findings_of(application)["sufficient-means"]

    assert finding.outcome is Outcome.MISSING
    assert finding.missing == ("monthly_means",)
    assert "the decision period stops" in finding.explanation_en


def test_missing_information_leads_to_a_request_not_a_refusal(apply):
    application = apply(STUDY, received_on=AUGUST_2026)

    assert proposal_from(list(findings_of(application).values())) == "request-information"


def test_without_a_programme_end_date_there_is_no_validity_yet(apply):
    application = apply(STUDY, received_on=AUGUST_2026)

    assert permit_validity(application=application) is None
