"""The applicant's screens: choose what for and where, then a day, then a free time,
then confirm; see the appointments; move or cancel one. Only their own applications
(`indigo.cases.access.applications_visible_to`)."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from indigo import clock
from indigo.desks import selectors, services
from indigo.desks import slots as schedule
from indigo.desks.decorators import applicant_required
from indigo.desks.forms import ChooseForm, DayForm, SlotForm, parse_slot
from indigo.desks.models import Appointment
from indigo.errors import DomainError, day


def _own_appointment(request, pk: int) -> Appointment:
    appointment = selectors.appointments_of(user=request.user).filter(pk=pk).first()
    if appointment is None:
        raise Http404
    return appointment


@applicant_required
@require_http_methods(["GET"])
def my_appointments(request):
    now = clock.now()
    appointments = list(selectors.appointments_of(user=request.user))
    upcoming = [
        a for a in appointments if a.state == Appointment.State.BOOKED and a.starts_at > now
    ]
    return render(
        request,
        "desks/my_appointments.html",
        {
            "upcoming": sorted(upcoming, key=lambda a: a.starts_at),
            "earlier": [a for a in appointments if a not in upcoming],
        },
    )


@applicant_required
@require_http_methods(["GET"])
def appointment_detail(request, pk: int):
    appointment = _own_appointment(request, pk)
    changeable = (
        appointment.state == Appointment.State.BOOKED and appointment.starts_at > clock.now()
    )
    return render(
        request,
        "desks/appointment.html",
        {"appointment": appointment, "changeable": changeable},
    )


def _choice_query(choice: dict, moving: Appointment | None) -> dict:
    query = {"desk": choice["desk"].code}
    if moving is None:
        query["application"] = choice["application"].reference
        query["appointment_type"] = choice["appointment_type"].code
    return query


def _urls(moving: Appointment | None) -> tuple[str, str]:
    if moving is None:
        return reverse("desks:book"), reverse("desks:book-confirm")
    return (
        reverse("desks:move", args=[moving.pk]),
        reverse("desks:move-confirm", args=[moving.pk]),
    )


def _booking_page(request, *, moving: Appointment | None = None):
    applications = selectors.bookable_applications(user=request.user)
    # A link may preselect the application (`?application=<reference>`): that alone is
    # a starting point, not a submitted choice.
    chosen = "desk" in request.GET or "appointment_type" in request.GET
    form = ChooseForm(
        request.GET if chosen else None,
        initial=request.GET.dict(),
        applications=applications,
        moving=moving,
    )
    book_url, confirm_url = _urls(moving)
    context = {"form": form, "moving": moving, "book_url": book_url}
    if not (form.is_bound and form.is_valid()):
        context["applications"] = applications
        return render(request, "desks/book.html", context)

    choice = form.cleaned_data
    desk, kind = choice["desk"], choice["appointment_type"]
    query = _choice_query(choice, moving)
    today = clock.today()
    day_form = DayForm(request.GET if "day" in request.GET else None)
    context |= {
        "choice": choice,
        "query": urlencode(query),
        "query_items": query.items(),
        "day_form": day_form,
        "days": schedule.days_with_free_slots(desk=desk, appointment_type=kind, first=today),
    }
    if day_form.is_bound and day_form.is_valid():
        chosen = day_form.cleaned_data["day"]
        last = schedule.last_bookable_day()
        if chosen < today:
            day_form.add_error("day", _("This day has passed. Choose today or a later day."))
        elif chosen > last:
            day_form.add_error(
                "day",
                _("You can book until %(last)s. Choose an earlier day.") % {"last": day(last)},
            )
        else:
            free = schedule.free_slots(desk=desk, appointment_type=kind, day=chosen)
            slot_form = SlotForm(
                request.GET if request.GET.get("step") == "time" else None, slots=free
            )
            if slot_form.is_bound and slot_form.is_valid():
                query |= {"starts_at": slot_form.cleaned_data["starts_at"]}
                return redirect(f"{confirm_url}?{urlencode(query)}")
            context |= {
                "chosen_day": chosen,
                "closed": schedule.is_closed(desk=desk, day=chosen),
                "slot_form": slot_form,
            }
    return render(request, "desks/book.html", context)


def _confirm_page(request, *, moving: Appointment | None = None):
    data = request.POST if request.method == "POST" else request.GET
    applications = selectors.bookable_applications(user=request.user)
    form = ChooseForm(data, applications=applications, moving=moving)
    starts_at = parse_slot(data.get("starts_at"))
    book_url, confirm_url = _urls(moving)
    if not form.is_valid() or starts_at is None:
        return redirect(f"{book_url}?{urlencode({k: data.get(k, '') for k in form.fields})}")
    choice = form.cleaned_data
    query = _choice_query(choice, moving)
    back = {**query, "day": schedule.local_day(starts_at).isoformat()}
    error = None
    if request.method == "POST":
        try:
            if moving is None:
                appointment = services.appointment_book(
                    actor=request.user,
                    application=choice["application"],
                    desk=choice["desk"],
                    appointment_type=choice["appointment_type"],
                    starts_at=starts_at,
                )
                done = _("Your appointment is booked. Your appointment code is %(code)s.")
            else:
                appointment = services.appointment_move(
                    actor=request.user, appointment=moving, desk=choice["desk"], starts_at=starts_at
                )
                done = _(
                    "Your appointment is moved. Your new appointment code is %(code)s. "
                    "The old code no longer works."
                )
        except DomainError as exc:
            error = exc
        else:
            messages.success(request, done % {"code": appointment.code})
            return redirect("desks:appointment", pk=appointment.pk)
    return render(
        request,
        "desks/confirm.html",
        {
            "choice": choice,
            "moving": moving,
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(minutes=choice["appointment_type"].duration_minutes),
            "fields": {**query, "starts_at": data.get("starts_at")},
            "confirm_url": confirm_url,
            "back_url": f"{book_url}?{urlencode(back)}",
            "error": error,
        },
    )


@applicant_required
@require_http_methods(["GET"])
def book(request):
    return _booking_page(request)


@applicant_required
@require_http_methods(["GET", "POST"])
def book_confirm(request):
    return _confirm_page(request)


def _changeable(request, pk: int) -> tuple[Appointment, HttpResponse | None]:
    """The applicant's appointment, and a redirect when it can no longer change."""
    appointment = _own_appointment(request, pk)
    if appointment.state != Appointment.State.BOOKED or appointment.starts_at <= clock.now():
        messages.error(request, _("This appointment can no longer be moved or cancelled."))
        return appointment, redirect("desks:appointment", pk=pk)
    return appointment, None


@applicant_required
@require_http_methods(["GET"])
def move(request, pk: int):
    appointment, refused = _changeable(request, pk)
    return refused or _booking_page(request, moving=appointment)


@applicant_required
@require_http_methods(["GET", "POST"])
def move_confirm(request, pk: int):
    appointment, refused = _changeable(request, pk)
    return refused or _confirm_page(request, moving=appointment)


@applicant_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk: int):
    appointment, refused = _changeable(request, pk)
    if refused:
        return refused
    error = None
    if request.method == "POST":
        try:
            services.appointment_cancel(actor=request.user, appointment=appointment)
        except DomainError as exc:
            error = exc
        else:
            messages.success(
                request,
                _("Your appointment on %(day)s is cancelled.")
                % {"day": day(schedule.local_day(appointment.starts_at))},
            )
            return redirect("desks:my-appointments")
    return render(request, "desks/cancel.html", {"appointment": appointment, "error": error})
