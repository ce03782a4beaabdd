"""Forms only parse input; the rules live in the selectors and services."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from indigo import clock, limits
from indigo.cases.models import Application
from indigo.desks.models import Appointment, AppointmentType, Desk
from indigo.desks.slots import agency_time
from indigo.errors import DomainError

SLOT_FORMAT = "%Y-%m-%dT%H:%M"  # a slot's start in the agency's time, as sent in forms


class DomainErrorMixin:
    def add_domain_error(self, exc: DomainError) -> None:
        """Show a refusal by a service at the field it is about."""
        self.add_error(exc.field if exc.field in self.fields else None, exc.message)


def slot_value(moment: datetime) -> str:
    return timezone.localtime(moment, timezone.get_default_timezone()).strftime(SLOT_FORMAT)


def slot_label(moment: datetime) -> str:
    return date_format(timezone.localtime(moment, timezone.get_default_timezone()), "H:i")


def parse_slot(value: str) -> datetime | None:
    try:
        naive = datetime.strptime(str(value or ""), SLOT_FORMAT)
    except ValueError:
        return None
    return agency_time(naive.date(), naive.time())


class ChooseForm(DomainErrorMixin, forms.Form):
    """Step 1 of booking: what for, and where. When moving, only the desk is chosen."""

    application = forms.ModelChoiceField(
        label=_("Application"),
        queryset=Application.objects.none(),
        to_field_name="reference",
        empty_label=_("Choose…"),
        error_messages={
            "required": _("Choose the application the appointment is for."),
            "invalid_choice": _("Choose one of your applications."),
        },
    )
    appointment_type = forms.ModelChoiceField(
        label=_("What do you come for?"),
        queryset=AppointmentType.objects.all(),
        to_field_name="code",
        empty_label=_("Choose…"),
        error_messages={
            "required": _("Choose what you come for."),
            "invalid_choice": _("Choose what you come for from the list."),
        },
    )
    desk = forms.ModelChoiceField(
        label=_("Desk"),
        queryset=Desk.objects.filter(active=True),
        to_field_name="code",
        empty_label=_("Choose…"),
        help_text=_(
            "An expat centre only serves some groups of applicants, such as highly skilled "
            "migrants."
        ),
        error_messages={
            "required": _("Choose a desk."),
            "invalid_choice": _("Choose a desk from the list."),
        },
    )

    def __init__(self, *args, applications, moving: Appointment | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.moving = moving
        if moving is not None:
            del self.fields["application"]
            del self.fields["appointment_type"]
            return
        self.fields["application"].queryset = applications
        self.fields["application"].label_from_instance = lambda a: (
            f"{a.reference}: {a.product.name}"
        )
        if len(applications) == 1 and not self.is_bound and "application" not in self.initial:
            self.fields["application"].initial = applications[0].reference

    def clean(self):
        data = super().clean()
        application = self.moving.application if self.moving else data.get("application")
        kind = self.moving.appointment_type if self.moving else data.get("appointment_type")
        desk = data.get("desk")
        if application and kind and desk:
            if not desk.capacities.filter(appointment_type=kind).exists():
                self.add_error(
                    "desk",
                    _("%(desk)s has no appointments for “%(type)s”. Choose another desk.")
                    % {"desk": desk.name, "type": kind.name},
                )
            elif not desk.serves(application.product.code):
                self.add_error(
                    "desk",
                    _(
                        "%(desk)s only serves some groups of applicants, and not applications "
                        "for “%(product)s”. Choose another desk."
                    )
                    % {"desk": desk.name, "product": application.product.name},
                )
        data["application"] = application
        data["appointment_type"] = kind
        return data


class DayForm(forms.Form):
    day = forms.DateField(
        label=_("Or choose a date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose a date."),
            "invalid": _("Give a date like 2026-03-02."),
        },
    )

    def clean_day(self):
        return _day_in_range(self.cleaned_data["day"])


class SlotForm(forms.Form):
    starts_at = forms.ChoiceField(
        label=_("Free times"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a time."),
            "invalid_choice": _("This time is no longer free. Choose another time."),
        },
    )

    def __init__(self, *args, slots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].choices = [
            (slot_value(s.starts_at), slot_label(s.starts_at)) for s in slots
        ]


class IdentifyForm(DomainErrorMixin, forms.Form):
    document = forms.ChoiceField(
        label=_("Document checked"),
        choices=[("", _("Choose…")), *Appointment.IdentityDocument.choices],
        error_messages={"required": _("Choose the document you checked.")},
    )
    checked = forms.BooleanField(
        label=_("The person matches the photo and the details of this document"),
        error_messages={
            "required": _(
                "Confirm that the person matches the photo and the details of the document."
            )
        },
    )


class IssueForm(DomainErrorMixin, forms.Form):
    card_number = forms.CharField(
        label=_("Residence card number"),
        max_length=20,
        help_text=_("The letter V and 8 letters or digits, for example V123AL568"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Give the number of the residence card.")},
    )


class DeskDayForm(forms.Form):
    desk = forms.ModelChoiceField(
        label=_("Desk"), queryset=Desk.objects.none(), to_field_name="code", empty_label=None
    )
    day = forms.DateField(
        label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, desks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desk"].queryset = desks

    def clean_day(self):
        return _day_in_range(self.cleaned_data["day"])


def _day_in_range(value):
    try:
        return limits.date_check(value, field="day", today=clock.today())
    except DomainError as exc:
        raise forms.ValidationError(exc.message) from exc


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Appointment code"),
        max_length=20,
        help_text=_("The 8 letters and digits in the applicant's confirmation"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Give the appointment code.")},
    )
