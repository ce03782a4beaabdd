"""The accessibility statement (toegankelijkheidsverklaring) and the form to report an
accessibility problem: its feedback route. Both open to everyone, logged in or not."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from indigo.errors import DomainError
from indigo.portal import services
from indigo.portal.accessibility import STATEMENT
from indigo.portal.forms import AccessibilityReportForm

REPORT_KEY = "portal_accessibility_report"


@require_GET
def accessibility_statement(request):
    return render(
        request,
        "portal/accessibility_statement.html",
        {
            "statement": STATEMENT,
            "idle_minutes": settings.INDIGO_PORTAL_IDLE_MINUTES,
            "hide_nav": True,
        },
    )


@require_http_methods(["GET", "POST"])
def accessibility_report(request):
    initial = {"page": request.GET.get("page", "")[:500]}
    form = AccessibilityReportForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.accessibility_report_create(
                user=request.user, language=get_language(), **form.cleaned_data
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            request.session[REPORT_KEY] = report.number
            return redirect("portal:accessibility-report-sent")
    return render(
        request,
        "portal/accessibility_report.html",
        {"form": form, "statement": STATEMENT, "hide_nav": True},
        status=400 if form.is_bound and form.errors else 200,
    )


@require_GET
def accessibility_report_sent(request):
    number = request.session.get(REPORT_KEY)
    if number is None:
        return redirect("portal:accessibility-report")
    return render(
        request,
        "portal/accessibility_report_sent.html",
        {"number": number, "statement": STATEMENT, "hide_nav": True},
    )
