"""System checks of the letters' words: both languages fill the same placeholders.

A phrase whose Dutch and English texts name different ``{fields}`` would leave a
placeholder unfilled (or raise) in one language's letters; `indigo check` refuses it,
naming the phrase and the fields.
"""

import string

from django.core.checks import Error, register

from indigo.decisions.wording import PHRASES

TAG = "letters"


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def phrase_problems(phrases=None) -> list[str]:
    problems = []
    for key, words in (phrases or PHRASES).items():
        nl, en = _fields(words.nl), _fields(words.en)
        if not words.nl.strip() or not words.en.strip():
            problems.append(f"letter phrase '{key}': a language is empty")
        if nl != en:
            problems.append(
                f"letter phrase '{key}': the placeholders differ (nl: {sorted(nl)}, "
                f"en: {sorted(en)}), so one language's letters would leave one unfilled"
            )
    return problems


@register(TAG)
def check_letter_phrases(app_configs=None, **kwargs):
    return [
        Error(problem, hint="Give both languages the same {fields}.", id="decisions.E001")
        for problem in phrase_problems()
    ]
