"""Golden tests: residence with a parent (child under 18).

A single parent needs 70% of the gross statutory minimum wage: EUR 1,448.58 from
1 January 2024 [V] ind-facts.md section 4; otherwise 100%: EUR 2,069.40.
"""

from datetime import date

from indigo.rules.findings import Outcome
from indigo.rules.tests.factories import findings_of

CHILD = "family-child"
MARCH_2024 = date(2024, 3, 1)


def finding(apply, condition, *, received_on=MARCH_2024, born=date(2015, 5, 5), **facts):
    return findings_of(apply(CHILD, received_on=received_on, date_of_birth=born, **facts))[
        condition
    ]


def test_a_child_of_17_is_met(apply):
    assert finding(apply, "child-age", born=date(2006, 3, 2)).outcome is Outcome.MET


def test_a_child_who_turns_18_on_the_reference_date_is_not_met(apply):
    result = finding(apply, "child-age", born=date(2006, 3, 1))

    assert result.outcome is Outcome.NOT_MET
    assert (
        result.explanation_en
        == "The child is 18 on 1 March 2024. The child must be younger than 18."
    )


def test_a_single_parent_income_exactly_at_the_70_percent_norm_is_met(apply):
    result = finding(
        apply,
        "sponsor-income",
        sponsor_is_single_parent=True,
        sponsor_gross_monthly_income="1448.58",
    )

    assert result.outcome is Outcome.MET
    assert "sponsor_is_single_parent" in {u.name for u in result.facts}


def test_a_single_parent_income_one_euro_below_is_not_met(apply):
    result = finding(
        apply,
        "sponsor-income",
        sponsor_is_single_parent=True,
        sponsor_gross_monthly_income="1447.58",
    )

    assert result.outcome is Outcome.NOT_MET


def test_two_parents_need_the_full_norm(apply):
    result = finding(
        apply,
        "sponsor-income",
        sponsor_is_single_parent=False,
        sponsor_gross_monthly_income="1448.58",
    )

    assert result.outcome is Outcome.NOT_MET


def test_an_income_meeting_the_full_norm_needs_no_question_about_single_parenthood(apply):
    result = finding(apply, "sponsor-income", sponsor_gross_monthly_income="2069.40")

    assert result.outcome is Outcome.MET


def test_an_income_below_the_full_norm_asks_whether_the_parent_is_single(apply):
    result = finding(apply, "sponsor-income", sponsor_gross_monthly_income="1500.00")

    assert result.outcome is Outcome.MISSING
    assert result.missing == ("sponsor_is_single_parent",)


def test_across_1_january_2025_the_single_parent_norm_rises_to_70_percent_of_2191_80(apply):
    facts = {"sponsor_is_single_parent": True, "sponsor_gross_monthly_income": "1500.00"}

    before = finding(apply, "sponsor-income", received_on=date(2024, 12, 31), **facts)
    after = finding(apply, "sponsor-income", received_on=date(2025, 1, 1), **facts)

    # EUR 1,493.52 until 31 December 2024; EUR 1,534.26 (70% of EUR 2,191.80) from 2025.
    assert (before.outcome, after.outcome) == (Outcome.MET, Outcome.NOT_MET)
    assert "€ 1.534,26" in after.letter_nl


def test_a_family_tie_not_shown_by_documents_is_for_the_caseworker(apply):
    assert finding(apply, "family-tie", family_tie_established=False).outcome is Outcome.JUDGEMENT
