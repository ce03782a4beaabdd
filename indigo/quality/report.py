"""The printable monthly report: a tagged PDF (PDF/UA-1) of the month's measures.

Rendered by the same renderer as the decision letters (`settings.INDIGO_PDF_RENDERER`,
WeasyPrint with `pdf_variant="pdf/ua-1"`): headings, tables with header cells and the
document language are in the structure tree, so a screen reader can read it.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

from indigo import clock
from indigo.quality import distributions
from indigo.quality.measures.base import MeasureQuery
from indigo.quality.selectors import measures_answer

FONT_DIR = Path(settings.PACKAGE_DIR) / "static" / "vendor" / "noto-sans"


def monthly_report_html(query: MeasureQuery, *, for_pdf: bool = True) -> str:
    from dataclasses import replace

    answer = measures_answer(query)
    by_product = measures_answer(replace(query, group_by="product"), refresh=False)
    by_unit = measures_answer(replace(query, group_by="unit"), refresh=False)
    totals = answer["groups"][""]
    return render_to_string(
        "quality/report.html",
        {
            "language": translation.get_language() or settings.LANGUAGE_CODE,
            "query": query,
            "made_on": clock.today(),
            "rows": [
                {"value": totals.get(key), **definition}
                for key, definition in answer["definitions"].items()
            ],
            "by_product": by_product["groups"],
            "by_unit": by_unit["groups"],
            "throughput": distributions.throughput_distribution(query),
            "font_url": FONT_DIR.as_uri() + "/",
        },
    )


def monthly_report_pdf(query: MeasureQuery) -> bytes:
    html = monthly_report_html(query)
    return import_string(settings.INDIGO_PDF_RENDERER)(html, base_url=FONT_DIR.as_uri() + "/")
