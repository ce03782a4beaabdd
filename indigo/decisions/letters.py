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

from indigo.cases.deadline import objection_period_end
from indigo.cases.models import Application
from indigo.catalog.models import Process
from indigo.deadlines.periods import Period, PeriodUnit
from indigo.decisions.display import finding_lines
from indigo.decisions.models import Decision

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


def letter_remedy(application: Application) -> str:
    """ "appeal" when the remedy against this decision is an appeal to the court: a
    decision on an objection (Awb 7:1, 8:1), or an asylum decision, which has no
    objection phase (Vw 2000 art. 80); else "objection".

    TODO(issue 10): ask `indigo.catalog.remedies.remedy_for` for the product's remedy.
    """
    if application.objection_period_ends is not None:
        return "appeal"
    return "appeal" if application.product.process == Process.ASYLUM else "objection"


def letter_html(
    decision: Decision, *, notified_on: date, for_pdf: bool = False, preview: bool = False
) -> str:
    """The letter as a self-contained HTML page in the applicant's language.

    `for_pdf`: fonts are read from disk (file:// URLs) instead of the static files.
    `preview`: not sent yet; `notified_on` is the day it would be sent.
    """
    application = decision.application
    language = letter_language(application)
    version = application.product_version
    with translation.override(language):
        findings = finding_lines(decision.findings, language=language)
        bases = [version.legal_basis]
        for line in findings:
            if line.legal_basis and line.legal_basis not in bases:
                bases.append(line.legal_basis)
        context = {
            "language": language,
            "application": application,
            "applicant": application.applicant,
            "product_name": application.product.name,
            "decision": decision,
            "findings": findings,
            "unmet": [line for line in findings if not line.is_met],
            "notified_on": notified_on,
            "objection_ends": objection_period_end(application, notified_on=notified_on),
            "objection_period": period_words(version.objection_period),
            "objection_source": version.objection_period_source,
            "remedy": letter_remedy(application),
            "legal_bases": bases,
            "font_url": FONT_DIR.as_uri() + "/" if for_pdf else static("vendor/noto-sans/"),
            "preview": preview,
        }
        return render_to_string("decisions/letter.html", context)


def letter_pdf(html: str) -> bytes:
    """The letter as PDF, by the configured renderer (settings.INDIGO_PDF_RENDERER)."""
    return import_string(settings.INDIGO_PDF_RENDERER)(html, base_url=FONT_DIR.as_uri() + "/")


def letter_file_name(application: Application) -> str:
    return f"decision-{application.reference}.pdf"
