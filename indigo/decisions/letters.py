"""The decision letter (beschikking): HTML and an accessible PDF, in the applicant's language.

Written at language level B1: the decision and what to do first, the reasons in plain
words next, legal citations last. The PDF is PDF/UA-1 (tagged, with its language
set), so screen readers can read it (Besluit digitale toegankelijkheid overheid).
"""

import threading
from datetime import date
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import ngettext

from indigo.cases.models import Application
from indigo.deadlines.periods import Period, PeriodUnit, add_period
from indigo.deadlines.termijnenwet import apply_atw
from indigo.decisions.display import finding_lines
from indigo.decisions.models import Decision

FONT_DIR = Path(settings.PACKAGE_DIR) / "static" / "vendor" / "noto-sans"
DOCUMENT_TYPE = "decision-letter"


def objection_period_ends(*, application: Application, notified_on: date) -> date:
    """The last day to object: Vw 2000 art. 69(1), from the day after notification
    (Awb 6:8), moved off weekends and holidays (Algemene termijnenwet)."""
    period = application.product_version.objection_period
    return apply_atw(notified_on, add_period(notified_on, period))


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
            "objection_ends": objection_period_ends(
                application=application, notified_on=notified_on
            ),
            "objection_period": period_words(version.objection_period),
            "objection_source": version.objection_period_source,
            "legal_bases": bases,
            "font_url": FONT_DIR.as_uri() + "/" if for_pdf else static("vendor/noto-sans/"),
            "preview": preview,
        }
        return render_to_string("decisions/letter.html", context)


_fonts = threading.local()


def _font_config():
    """One font configuration per thread: WeasyPrint keeps the decoded fonts in it, so
    only the first letter pays for decoding the WOFF2 files (about a second)."""
    from weasyprint.text.fonts import FontConfiguration

    if getattr(_fonts, "config", None) is None:
        _fonts.config = FontConfiguration()
    return _fonts.config


def letter_pdf(html: str) -> bytes:
    """The letter as a tagged PDF/UA-1 (structure tree, /Lang, /MarkInfo)."""
    from weasyprint import HTML  # imported when needed: it takes a while to load

    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf(
        pdf_variant="pdf/ua-1", font_config=_font_config()
    )


def letter_file_name(application: Application) -> str:
    return f"decision-{application.reference}.pdf"
