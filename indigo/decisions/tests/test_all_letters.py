"""Every decision letter is a clean legal act: every product, outcome and language.

The letters are rendered from demo-like data (the demo's facts for the product, the
rules' findings as a caseworker would see them, a motivation in the letter's language)
and read as the applicant would: no research note or internal reference, no sentence
in the other language, no empty bullet, no placeholder left unfilled, and the right
remedy (an appeal to the court in asylum, never an objection).
"""

import random
import re
from datetime import date, timedelta
from html import unescape

import pytest

from indigo.catalog.models import Product
from indigo.decisions.letters import letter_html
from indigo.decisions.selectors import assessment_of, finding_snapshot
from indigo.decisions.tests.factories import final_decision, make_application_for, record_facts
from indigo.demo.deciding import Deciding

pytestmark = pytest.mark.django_db

NOTIFIED_ON = date(2026, 8, 3)
OUTCOMES = ("grant", "grant-differently", "refuse")
LANGUAGES = ("nl", "en")
MOTIVATION = {
    "nl": "Wij hebben uw documenten gecontroleerd. Daarom nemen wij dit besluit.",
    "en": "We checked your documents. That is why we take this decision.",
}

INTERNAL_MARKERS = (
    "[V]",
    "UNVERIFIED",
    "ind-facts",
    "RFC-",
    "regelrecht",
    "functional administrator",
    "functioneel beheerder",
    "Tot nu toe vastgelegd",
    "Recorded so far",
    "De aanvrager",
    "The applicant",
    "Beoordeel",
    "Vw 2000 art.",
    "reference research",
)

STOPWORDS = {
    "nl": set(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "in",
            "is",
            "dat",
            "op",
            "te",
            "zijn",
            "voor",
            "met",
            "niet",
            "u",
            "uw",
            "wij",
            "ons",
            "aan",
            "bij",
            "als",
            "of",
            "dan",
            "om",
            "naar",
            "ook",
            "er",
            "maar",
            "tot",
            "hij",
            "deze",
            "dit",
            "moet",
            "kunt",
            "mag",
            "heeft",
            "hebben",
            "wordt",
            "worden",
            "nog",
            "geen",
            "wat",
            "waarom",
            "binnen",
            "na",
            "uit",
        ]
    ),
    "en": set(
        [
            "the",
            "a",
            "an",
            "and",
            "of",
            "in",
            "is",
            "that",
            "on",
            "to",
            "are",
            "for",
            "with",
            "not",
            "you",
            "your",
            "we",
            "our",
            "at",
            "by",
            "as",
            "or",
            "then",
            "from",
            "also",
            "there",
            "but",
            "until",
            "he",
            "this",
            "must",
            "can",
            "may",
            "has",
            "have",
            "will",
            "be",
            "been",
            "what",
            "why",
            "within",
            "after",
            "out",
            "do",
            "does",
            "it",
        ]
    ),
}


def visible_text(html: str) -> str:
    body = html.split("<body>", 1)[1]
    body = re.sub(r"<(br|/p|/li|/h\d|/dd|/dt)\b[^>]*>", "\n", body)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.?!:])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.split()) >= 4]


def language_of(sentence: str) -> str | None:
    words = re.findall(r"[a-zA-Z]+", sentence.lower())
    nl = sum(w in STOPWORDS["nl"] for w in words)
    en = sum(w in STOPWORDS["en"] for w in words)
    if max(nl, en) < 2 or nl == en:
        return None
    return "nl" if nl > en else "en"


def demo_like_decision(product: str, outcome: str, language: str, caseworker):
    group = "recognised-sponsor" if product == "study" else None
    application = make_application_for(
        actor=caseworker,
        product=product,
        customer_group=group,
        language=language,
        received_on=NOTIFIED_ON - timedelta(days=40),
    )
    deciding = Deciding(random.Random(7), organisation=None, replay=None)
    facts = deciding.facts_for(application, refused=outcome == "refuse")
    record_facts(application, caseworker, **facts)
    assessment = assessment_of(application=application)
    decision = final_decision(application, caseworker, outcome=outcome)
    decision.findings = [finding_snapshot(f) for f in assessment.findings]
    decision.motivation = MOTIVATION[language]
    if outcome != "refuse":
        decision.valid_from = NOTIFIED_ON
        decision.valid_until = NOTIFIED_ON + timedelta(days=365)
    decision.save()
    return decision


def every_letter():
    return [
        (product, outcome, language)
        for product in (
            "study",
            "highly-skilled-migrant",
            "eu-blue-card",
            "paid-employment",
            "au-pair",
            "exchange",
            "family-partner",
            "family-child",
            "permanent-residence-eu",
            "asylum",
            "naturalisation",
        )
        for outcome in OUTCOMES
        for language in LANGUAGES
    ]


def test_the_list_covers_every_shipped_product():
    assert {p for p, _o, _l in every_letter()} == set(
        Product.objects.values_list("code", flat=True)
    )


@pytest.mark.parametrize(("product", "outcome", "language"), every_letter())
def test_every_letter_is_clean(product, outcome, language, caseworker):
    decision = demo_like_decision(product, outcome, language, caseworker)
    html = letter_html(decision, notified_on=NOTIFIED_ON)
    text = visible_text(html)

    # Every condition's legal basis has its citation, and the letter shows it.
    for item in decision.findings:
        assert item["citation_nl"] and item["citation_en"], item["condition"]
        assert item[f"citation_{language}"] in text
    for marker in INTERNAL_MARKERS:
        assert marker not in text, f"internal marker {marker!r} in the letter"
    assert not re.search(r"<li[^>]*>\s*</li>", html), "an empty list item"
    for leftover in ("{", "}", "%(", "None"):
        assert leftover not in text, f"unfilled placeholder {leftover!r}"
    other = "en" if language == "nl" else "nl"
    wrong = [s for s in sentences(text) if language_of(s) == other]
    assert not wrong, f"sentences in the wrong language: {wrong[:3]}"
    assert f'<html lang="{language}">' in html

    salutation = "Geachte " if language == "nl" else "Dear "
    assert salutation + decision.application.applicant.given_names in text
    assert ("Onderwerp" if language == "nl" else "Subject") in text
    if product == "asylum":
        assert ("beroep" if language == "nl" else "appeal") in text
        assert ("bezwaarschrift" if language == "nl" else "notice of objection") not in text
    else:
        assert ("bezwaar" if language == "nl" else "object") in text
    assert ("kopie van deze brief" if language == "nl" else "copy of this letter") in text
    assert ("voorlopige voorziening" if language == "nl" else "provisional relief") in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "U heeft minimaal € 2.133,60 per maand nodig."),
        ("en", "You need at least €2,133.60 a month."),
    ],
)
def test_a_refused_family_letter_names_the_numbers_in_the_second_person(
    language, expected, caseworker
):
    application = make_application_for(
        actor=caseworker,
        product="family-partner",
        language=language,
        received_on=date(2024, 8, 1),  # the norm of 1 July 2024 (100% of the WML)
    )
    deciding = Deciding(random.Random(3), organisation=None, replay=None)
    facts = deciding.facts_for(application, refused=False)
    facts["sponsor_gross_monthly_income"] = "2100.00"
    record_facts(application, caseworker, **facts)
    decision = final_decision(application, caseworker, outcome="refuse")
    decision.findings = [
        finding_snapshot(f) for f in assessment_of(application=application).findings
    ]
    decision.save()

    text = visible_text(letter_html(decision, notified_on=NOTIFIED_ON))

    assert expected in text
    assert "2100.00" not in text  # never the raw recorded value
