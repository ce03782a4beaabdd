"""`indigo check` refuses letter words that would leave a placeholder unfilled."""

import pytest

from indigo.catalog.remedies import Words
from indigo.decisions.checks import check_letter_phrases, phrase_problems
from indigo.decisions.wording import say


def test_the_shipped_letter_phrases_pass():
    assert check_letter_phrases() == []


def test_a_phrase_whose_languages_name_different_placeholders_is_refused():
    problems = phrase_problems({"last_day": Words("Uiterlijk {datum}.", "No later than {date}.")})

    assert problems == [
        "letter phrase 'last_day': the placeholders differ (nl: ['datum'], en: ['date']), "
        "so one language's letters would leave one unfilled"
    ]


def test_a_phrase_with_a_field_left_unfilled_raises_instead_of_printing_it():
    with pytest.raises(KeyError, match="reference"):
        say("questions", "nl")
