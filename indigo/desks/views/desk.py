"""The desk staff's screens: the day's appointments at their desk, and per appointment:
identify the applicant, record biometrics, hand out the residence document."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from indigo import clock
from indigo.cases.access import application_view_record, persons_seen
from indigo.desks import selectors, services
from indigo.desks.decorators import desk_staff_required
from indigo.desks.forms import CodeForm, DeskDayForm, IdentifyForm, IssueForm
from indigo.desks.models import Appointment
from indigo.desks.validators import normalise_code
from indigo.errors import DomainError

VIEW_CONTEXT = "desks:appointment"


@desk_staff_required
@require_http_methods(["GET"])
def desk_day(request):
    desks = selectors.desks_of(user=request.user).order_by("-kind", "name_en")
    first = desks.first()
    if first is None:
        return render(request, "desks/desk_day.html", {"no_desk": True})
    code_form = CodeForm(request.GET if "code" in request.GET else None)
    if code_form.is_bound and code_form.is_valid():
        code = normalise_code(code_form.cleaned_data["code"])
        found = Appointment.objects.filter(desk__in=desks, code=code).first()
        if found is not None:
            return redirect("desks:desk-appointment", pk=found.pk)
        code_form.add_error(
            "code", _("There is no appointment with this code at your desk. Check the code.")
        )
    data = {
        "desk": request.GET.get("desk") or first.code,
        "day": request.GET.get("day") or clock.today().isoformat(),
    }
    form = DeskDayForm(data, desks=desks)
    if form.is_valid():
        desk, on = form.cleaned_data["desk"], form.cleaned_data["day"]
    else:
        desk, on = first, clock.today()
    appointments = list(selectors.appointments_at(desk=desk, day=on))
    persons_seen(
        user=request.user,
        applicant_ids=[a.applicant_id for a in appointments],
        context="desks:desk-day",
    )
    return render(
        request,
        "desks/desk_day.html",
        {
            "form": form,
            "code_form": code_form,
            "desk": desk,
            "day": on,
            "is_today": on == clock.today(),
            "appointments": appointments,
        },
    )


def _desk_appointment(request, pk: int) -> Appointment:
    appointment = (
        Appointment.objects.filter(pk=pk, desk__in=selectors.desks_of(user=request.user))
        .select_related("desk", "appointment_type", "applicant", "application__product")
        .first()
    )
    if appointment is None:
        raise Http404
    return appointment


def _desk_appointment_page(request, appointment: Appointment, **forms):
    application_view_record(
        user=request.user, application=appointment.application, context=VIEW_CONTEXT
    )
    context = {
        "appointment": appointment,
        "identify_form": forms.get("identify_form") or IdentifyForm(),
        "issue_form": forms.get("issue_form") or IssueForm(),
        "error": forms.get("error"),
        "today": clock.today(),
        "over": clock.now() >= appointment.ends_at,
        # identify → biometrics → card: the card form only once biometrics are taken.
        "biometrics_done": Appointment.objects.filter(
            application_id=appointment.application_id, biometrics_at__isnull=False
        ).exists(),
    }
    return render(request, "desks/desk_appointment.html", context)


@desk_staff_required
@require_http_methods(["GET"])
def desk_appointment(request, pk: int):
    return _desk_appointment_page(request, _desk_appointment(request, pk))


def _desk_action(request, pk: int, *, run, done: str, form_class=None, form_name=""):
    appointment = _desk_appointment(request, pk)
    form = form_class(request.POST) if form_class else None
    error = None
    if form is None or form.is_valid():
        try:
            run(appointment, form.cleaned_data if form else {})
        except DomainError as exc:
            if form is not None:
                form.add_domain_error(exc)
            else:
                error = exc
        else:
            messages.success(request, done)
            return redirect("desks:desk-appointment", pk=pk)
    forms = {form_name: form} if form is not None else {}
    return _desk_appointment_page(request, appointment, error=error, **forms)


@desk_staff_required
@require_http_methods(["POST"])
def identify(request, pk: int):
    return _desk_action(
        request,
        pk,
        form_class=IdentifyForm,
        form_name="identify_form",
        run=lambda appointment, data: services.appointment_identify(
            actor=request.user, appointment=appointment, **data
        ),
        done=_("The applicant is identified."),
    )


@desk_staff_required
@require_http_methods(["POST"])
def biometrics(request, pk: int):
    return _desk_action(
        request,
        pk,
        run=lambda appointment, data: services.biometrics_record(
            actor=request.user, appointment=appointment
        ),
        done=_("The biometrics are recorded."),
    )


@desk_staff_required
@require_http_methods(["POST"])
def issue(request, pk: int):
    return _desk_action(
        request,
        pk,
        form_class=IssueForm,
        form_name="issue_form",
        run=lambda appointment, data: services.residence_document_issue(
            actor=request.user, appointment=appointment, **data
        ),
        done=_("The handing out of the residence document is recorded."),
    )


@desk_staff_required
@require_http_methods(["POST"])
def no_show(request, pk: int):
    return _desk_action(
        request,
        pk,
        run=lambda appointment, data: services.appointment_no_show_record(
            actor=request.user, appointment=appointment
        ),
        done=_("Recorded: the applicant did not come."),
    )
