"""The decision letter (beschikking): HTML and an accessible PDF, in the applicant's language.

Written at language level B1: the decision and what to do first, the reasons in plain
words next, legal citations last. The PDF is PDF/UA-1 (tagged, with its language
set), so screen readers can read it (Besluit digitale toegankelijkheid overheid).
"""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import ngettext

from indigo.cases.models import Application
from indigo.catalog.citations import citation_of
from indigo.catalog.remedies import intention_rule_for, remedy_for
from indigo.deadlines.periods import Period, PeriodUnit
from indigo.decisions.display import condition_label
from indigo.decisions.models import Decision
from indigo.decisions.wording import PERMIT_NATURE, PHRASES, salutation_name, say
from indigo.rules.findings import Outcome
from indigo.rules.wording import day_en, day_nl

FONT_DIR = Path(settings.PACKAGE_DIR) / "static" / "vendor" / "noto-sans"
DOCUMENT_TYPE = "decision-letter"


def period_words(period: Period) -> str:
    """ "4 weeks", "4 weken": in the active language."""
    if period.unit is PeriodUnit.WEEKS:
        text = ngettext("%(count)d week", "%(count)d weeks", period.value)
    elif period.unit is PeriodUnit.MONTHS:
        text = ngettext("%(count)d month", "%(count)d months", period.value)
    else:
        text = ngettext("%(count)d day", "%(count)d days", period.value)
    return text % {"count": period.value}


def letter_language(application: Application) -> str:
    return application.applicant.language or settings.LANGUAGE_CODE


def day_in(language: str, value: date) -> str:
    return day_nl(value) if language.startswith("nl") else day_en(value)


def period_in(language: str, period: Period) -> str:
    with translation.override(language):
        return period_words(period)


def _is_entry_procedure(application: Application) -> bool:
    """Study applied for by the recognised sponsor: the entry and residence procedure
    (TEV), in which the student collects the mvv abroad."""
    group = application.customer_group
    return (
        application.product.code == "study"
        and group is not None
        and (group.code == "recognised-sponsor")
    )


def reasons(findings: list[dict], *, language: str, refused: bool) -> list[str]:
    """The findings in the applicant's voice, never the caseworker's (second person,
    with the numbers where the rules give them). A refusal lists what is not met."""
    lines = []
    with translation.override(language):
        for item in findings:
            met = item.get("outcome") == Outcome.MET
            if refused and met:
                continue
            text = (
                item.get("letter_nl" if language.startswith("nl") else "letter_en") or ""
            ).strip()
            if not text:
                key = "condition_met" if met else "condition_not_met"
                text = say(key, language, label=condition_label(item["condition"]))
            lines.append(text)
    return [line for line in lines if line]


def remedy_context(application: Application, *, outcome: str, notified_on: date, language: str):
    remedy = remedy_for(application, outcome, on=notified_on)
    last_day = day_in(language, remedy.last_day(notified_on=notified_on))
    period = period_in(language, remedy.period)
    values = {"to": remedy.to(language), "period": period, "date": last_day}
    heading = "h_objection" if remedy.is_objection else "h_appeal"
    body = "objection_body" if remedy.is_objection else "appeal_body"
    ref = {"reference": application.reference}
    return {
        "remedy": remedy,
        "heading": say(heading, language, period=period),
        "body": say(body, language, **values),
        "last_day": last_day,
        "address": remedy.address(language),
        "include": [
            say("include_name", language),
            say("include_date", language),
            say("include_reference", language, **ref),
            say("include_why", language),
            say("include_signature", language),
        ],
        "awaiting": remedy.awaiting(language),
        "provisional_measure": remedy.provisional_measure(language),
        "citation": remedy.citation(language),
    }


def letter_html(
    decision: Decision, *, notified_on: date, for_pdf: bool = False, preview: bool = False
) -> str:
    """The letter as a self-contained HTML page in the applicant's language.

    `for_pdf`: fonts are read from disk (file:// URLs) instead of the static files.
    `preview`: not sent yet; `notified_on` is the day it would be sent.
    """
    application = decision.application
    language = letter_language(application)
    product = application.product
    refused = decision.outcome == Decision.Outcome.REFUSE
    lang = language
    received = day_in(lang, application.received_on)
    product_name = product.name_nl if lang.startswith("nl") else product.name_en
    decision_lines = [
        say(
            "refused"
            if refused
            else ("granted_naturalisation" if product.code == "naturalisation" else "granted"),
            lang,
        )
    ]
    todo = []
    if refused:
        todo.append(say("refused_todo", lang))
    else:
        if decision.valid_from and PERMIT_NATURE.get(product.code) == "valid_indefinitely":
            decision_lines.append(
                say("valid_indefinitely", lang, start=day_in(lang, decision.valid_from))
            )
        elif decision.valid_from and decision.valid_until:
            decision_lines.append(
                say(
                    "valid_period",
                    lang,
                    start=day_in(lang, decision.valid_from),
                    end=day_in(lang, decision.valid_until),
                )
            )
        if decision.outcome == Decision.Outcome.GRANT_DIFFERENTLY:
            decision_lines.append(say("granted_differently", lang))
        if product.code == "naturalisation":
            todo.append(say("ceremony", lang))
        elif _is_entry_procedure(application):
            todo.append(say("collect_mvv", lang))
        elif product.process != "naturalisation":
            todo.append(say("collect_permit", lang))
    citation = citation_of(product.code)
    remedy = remedy_context(
        application, outcome=decision.outcome, notified_on=notified_on, language=lang
    )
    bases = [c for c in (citation(lang) if citation else "", remedy["citation"]) if c]
    for item in decision.findings:
        cited = item.get("citation_nl" if lang.startswith("nl") else "citation_en") or ""
        if cited and cited not in bases:
            bases.insert(-1, cited)
    if decision.intention_id:
        rule = intention_rule_for(application, on=decision.intention.sent_on)
        if rule is not None:
            bases.append(rule.citation(lang))
    ref = {"reference": application.reference}
    context = {
        "language": lang,
        "applicant": application.applicant,
        "application": application,
        "t": {key: words(lang) for key, words in PHRASES.items()},
        "title": say("title", lang, **ref),
        "subject": say("subject_text", lang, product=product_name, received=received),
        "letter_date": day_in(lang, notified_on),
        "salutation": say("salutation", lang, name=salutation_name(application.applicant)),
        "decision_lines": decision_lines,
        "todo": todo,
        "reasons": reasons(decision.findings, language=lang, refused=refused),
        "refused": refused,
        "motivation": decision.motivation.strip(),
        "view": view_answer(decision, language=lang),
        "remedy": remedy,
        "questions": say("questions", lang, **ref),
        "legal_bases": bases,
        "font_url": FONT_DIR.as_uri() + "/" if for_pdf else static("vendor/noto-sans/"),
        "preview": preview,
    }
    return render_to_string("decisions/letter.html", context)


def view_answer(decision: Decision, *, language: str) -> dict | None:
    """The answer to the applicant's written view (zienswijze), if there was one."""
    intention = decision.intention
    answer = (decision.view_answer or "").strip()
    if intention is None or intention.view_received_on is None or not answer:
        return None
    received = day_in(language, intention.view_received_on)
    return {"intro": say("view_answered", language, date=received), "answer": answer}


def intention_html(intention, *, for_pdf: bool = False) -> str:
    """The letter with the intended refusal (voornemen): not a decision, no remedy; the
    period for the written view (zienswijze) and why we intend to refuse."""
    application = intention.application
    lang = letter_language(application)
    product = application.product
    product_name = product.name_nl if lang.startswith("nl") else product.name_en
    ref = {"reference": application.reference}
    rule = intention_rule_for(application, on=intention.sent_on)
    citation = citation_of(product.code)
    bases = [c(lang) for c in (citation, rule.citation if rule else None) if c]
    context = {
        "language": lang,
        "applicant": application.applicant,
        "application": application,
        "t": {key: words(lang) for key, words in PHRASES.items()},
        "title": say("intention_title", lang, **ref),
        "subject": say(
            "intention_subject",
            lang,
            product=product_name,
            received=day_in(lang, application.received_on),
        ),
        "letter_date": day_in(lang, intention.sent_on),
        "salutation": say("salutation", lang, name=salutation_name(application.applicant)),
        "reasons": reasons(intention.findings, language=lang, refused=True),
        "grounds": intention.grounds.strip(),
        "view_how": say("view_how", lang, date=day_in(lang, intention.view_due)),
        "questions": say("questions", lang, **ref),
        "legal_bases": bases,
        "font_url": FONT_DIR.as_uri() + "/" if for_pdf else static("vendor/noto-sans/"),
        "preview": False,
    }
    return render_to_string("decisions/intention_letter.html", context)


def intention_file_name(application: Application) -> str:
    return f"intention-{application.reference}.pdf"


def letter_pdf(html: str) -> bytes:
    """The letter as PDF, by the configured renderer (settings.INDIGO_PDF_RENDERER)."""
    return import_string(settings.INDIGO_PDF_RENDERER)(html, base_url=FONT_DIR.as_uri() + "/")


def letter_file_name(application: Application) -> str:
    return f"decision-{application.reference}.pdf"
