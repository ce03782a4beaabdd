"""The decision letter: B1, in the applicant's language, decision first and law last."""

from datetime import date

from indigo.cases.deadline import objection_period_end
from indigo.decisions.letters import letter_html
from indigo.decisions.services import decision_record


def granted(student, caseworker, **kwargs):
    application = student(**kwargs)
    return decision_record(actor=caseworker, application=application, outcome="grant")


def test_the_letter_gives_the_decision_first_then_the_last_day_to_object_then_the_law(
    student, caseworker
):
    html = letter_html(granted(student, caseworker), notified_on=date(2026, 8, 3))

    decision = html.index("We grant your application.")
    last_day = html.index("no later than 31 August 2026")
    law = html.index("Legal basis")
    assert decision < last_day < law
    assert html.index("Aliens Act 2000 (Vreemdelingenwet 2000), article 69(1)") > law
    assert "valid from 3 August 2026 up to and including 30 November 2028" in html
    assert "Dear " in html and "Subject" in html


def test_the_letter_is_in_dutch_for_a_dutch_speaking_applicant(student, caseworker):
    html = letter_html(granted(student, caseworker, language="nl"), notified_on=date(2026, 8, 3))

    assert '<html lang="nl">' in html
    assert "Wij willigen uw aanvraag in." in html
    assert "Uw bezwaarschrift moet uiterlijk op 31 augustus 2026 bij ons zijn." in html
    assert "Onderwerp" in html and "Geachte " in html
    # The caseworker's voice never reaches the letter.
    assert "De aanvrager" not in html
    assert "We grant" not in html


def test_a_refusal_letter_names_the_unmet_condition_and_the_motivation(student, caseworker):
    application = student(admitted_to_programme=False)
    decision = decision_record(
        actor=caseworker,
        application=application,
        outcome="refuse",
        motivation="The university did not admit you.",
    )

    html = letter_html(decision, notified_on=date(2026, 8, 3))

    assert "We refuse your application." in html
    assert "Admission to the programme: you do not meet this condition." in html
    assert "The applicant" not in html
    assert "The university did not admit you." in html
    assert "residence permit. It is valid" not in html


def test_the_last_day_to_object_moves_past_a_public_holiday(student):
    application = student()

    # Four weeks after Friday 4 December 2026 is New Year's Day: the period runs on to
    # the next working day (Algemene termijnenwet art. 1).
    assert objection_period_end(application, notified_on=date(2026, 12, 4)) == date(2027, 1, 4)
