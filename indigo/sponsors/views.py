"""Screens of the sponsor portal: thin views over the sponsors' selectors and services.

An application of another organisation gets the same 404 as one that does not exist:
the portal never tells that it exists.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from indigo import clock, limits
from indigo.cases.access import application_view_record, applications_seen
from indigo.cases.deadline import deadline_of
from indigo.cases.models import Application
from indigo.cases.selectors import application_events
from indigo.cases.services import ApplicantData
from indigo.errors import DomainError, day
from indigo.rules.selectors import parameter_in_force
from indigo.rules.vocabulary import FACT_NAMES
from indigo.sponsors import selectors, services, uploads
from indigo.sponsors.application_input import AuthorisationGiven
from indigo.sponsors.categories import ADDRESS_DUTY, INFORMATION_DUTY
from indigo.sponsors.csv_format import COLUMN_HELP, COLUMNS, column_need, csv_template
from indigo.sponsors.decorators import sponsor_required
from indigo.sponsors.forms import ApplyForm, ChangeReportForm, StatementsForm, UploadForm
from indigo.sponsors.models import BulkUpload


def _visible(request, reference: str) -> Application:
    try:
        return selectors.sponsored_application_get(user=request.user, reference=reference)
    except Application.DoesNotExist:
        raise Http404 from None


def _page(request) -> int:
    return limits.page_number(request.GET.get("page"))


@sponsor_required
@require_http_methods(["GET"])
def dashboard(request):
    today = clock.today()
    page = _page(request)
    rows, has_next = selectors.dashboard_rows(user=request.user, today=today, page=page)
    applications_seen(
        user=request.user, applications=[r.application for r in rows], context="sponsors:dashboard"
    )
    return render(
        request,
        "sponsors/dashboard.html",
        {
            "sponsors": request.sponsors,
            "rows": rows,
            "page": page,
            "has_next": has_next,
            "today": today,
            "several": len(request.sponsors) > 1,
        },
    )


@sponsor_required
@require_http_methods(["GET"])
def application_detail(request, reference: str, statements_form=None):
    application = _visible(request, reference)
    return _detail(request, application, statements_form=statements_form)


def _detail(request, application: Application, *, statements_form=None, status=200):
    today = clock.today()
    asked = selectors.asked_of_sponsor(application=application, today=today)
    names = [f.name for f in asked.missing_facts]
    sponsor = application.sponsorship.sponsor
    application_view_record(
        user=request.user, application=application, context="sponsors:application-detail"
    )
    return render(
        request,
        "sponsors/application_detail.html",
        {
            "application": application,
            "sponsor": sponsor,
            "authorisation": application.sponsorship.authorisation,
            "deadline": deadline_of(application, today=today),
            "asked": asked,
            "statements_form": statements_form or (StatementsForm(names=names) if names else None),
            "may_vouch": asked.vouch_missing,
            "facts": selectors.sponsor_facts_of(application=application),
            "reports": selectors.change_reports_of(application=application),
            "events": application_events(application=application, user=request.user),
        },
        status=status,
    )


@sponsor_required
@require_POST
def vouch(request, reference: str):
    application = _visible(request, reference)
    try:
        services.sponsor_vouch(actor=request.user, application=application)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Recorded: your organisation vouches for %(name)s.")
            % {"name": application.applicant},
        )
    return redirect("sponsors:application-detail", reference=application.reference)


@sponsor_required
@require_POST
def statements(request, reference: str):
    application = _visible(request, reference)
    asked = selectors.asked_of_sponsor(application=application, today=clock.today())
    form = StatementsForm(request.POST, names=[f.name for f in asked.missing_facts])
    if form.is_valid():
        try:
            services.sponsor_statements_record(
                actor=request.user, application=application, facts=form.facts()
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            messages.success(request, _("Thank you. The information was added."))
            return redirect("sponsors:application-detail", reference=application.reference)
    return _detail(request, application, statements_form=form)


@sponsor_required
@require_http_methods(["GET", "POST"])
def apply(request):
    today = clock.today()
    sponsors = [s for s in request.sponsors if s.is_recognised_on(today)]
    products = {
        p.code: p for s in sponsors for p in selectors.products_open_to(sponsor=s, on=today)
    }.values()
    form = ApplyForm(
        request.POST if request.method == "POST" else None,
        products=sorted(products, key=lambda p: p.name),
        sponsors=sponsors or request.sponsors,
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        authorisation = None
        if data["authorisation_given_on"] or data["authorisation_how"]:
            authorisation = AuthorisationGiven(
                given_on=data["authorisation_given_on"], how=data["authorisation_how"]
            )
        try:
            application = services.sponsor_apply(
                actor=request.user,
                sponsor=form.chosen_sponsor(),
                product_code=data["product"],
                applicant_data=ApplicantData(
                    given_names=data["given_names"],
                    surname=data["surname"],
                    date_of_birth=data["date_of_birth"],
                    nationality=data["nationality"],
                    v_number=data["v_number"],
                ),
                facts=form.facts(),
                vouch=data["vouch"],
                authorisation=authorisation,
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            messages.success(
                request,
                _("The application was received. Its reference is %(reference)s.")
                % {"reference": application.reference},
            )
            return redirect("sponsors:application-detail", reference=application.reference)
    return render(
        request,
        "sponsors/apply.html",
        {"form": form, "withdrawn": not sponsors, "sponsors": request.sponsors},
    )


@sponsor_required
@require_http_methods(["GET", "POST"])
def upload(request):
    form = UploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        sponsors=request.sponsors,
    )
    if form.is_bound and form.is_valid():
        try:
            upload = uploads.bulk_upload_submit(
                actor=request.user,
                sponsor=form.chosen_sponsor(),
                csv_file=form.cleaned_data["csv_file"],
                language=request.LANGUAGE_CODE or "en",
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            return redirect("sponsors:upload-status", upload_id=upload.pk)
    columns = [
        {
            "name": name,
            "need": column_need(name),
            "help": COLUMN_HELP.get(name) or FACT_NAMES[name].label(request.LANGUAGE_CODE or "en"),
        }
        for name in COLUMNS
    ]
    recent = BulkUpload.objects.filter(sponsor__in=request.sponsors)[:5]
    return render(
        request,
        "sponsors/upload.html",
        {"form": form, "columns": columns, "sponsors": request.sponsors, "recent": recent},
    )


@sponsor_required
@require_http_methods(["GET"])
def upload_status(request, upload_id: int):
    """The progress of an upload, then its report (htmx asks again until it is done)."""
    upload = get_object_or_404(BulkUpload, pk=upload_id, sponsor__in=request.sponsors)
    context = {"upload": upload, "report": uploads.upload_report(upload)}
    if request.htmx:
        return render(request, "sponsors/_upload_progress.html", context)
    return render(request, "sponsors/upload_status.html", context)


@sponsor_required
@require_http_methods(["GET"])
def csv_example(request):
    response = HttpResponse("\ufeff" + csv_template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="indigo-sponsor-applications.csv"'
    return response


@sponsor_required
@require_http_methods(["GET", "POST"])
def report_change(request, reference: str):
    application = _visible(request, reference)
    form = ChangeReportForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            report = services.change_report(
                actor=request.user, application=application, **form.cleaned_data
            )
        except DomainError as exc:
            form.add_domain_error(exc)
        else:
            if report.within_duty is False:
                messages.warning(
                    request,
                    _(
                        "The change was reported. It was due by %(date)s; report changes "
                        "within the time the reporting duty (meldplicht) gives."
                    )
                    % {"date": day(report.report_by)},
                )
            else:
                messages.success(request, _("Thank you. The change was reported to the IND."))
            return redirect("sponsors:application-detail", reference=application.reference)
    application_view_record(
        user=request.user, application=application, context="sponsors:report-change"
    )
    return render(
        request,
        "sponsors/report_change.html",
        {
            "application": application,
            "form": form,
            "duty_weeks": _weeks(INFORMATION_DUTY),
            "address_weeks": _weeks(ADDRESS_DUTY),
        },
    )


def _weeks(key: str) -> int | None:
    parameter = parameter_in_force(key=key, on=clock.today())
    return parameter.value if parameter is not None else None
