"""Forms only parse input; the rules live in the selectors and services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from indigo.contacts.models import Channel
from indigo.errors import DomainError


class DomainErrorMixin:
    def add_domain_error(self, exc: DomainError) -> None:
        """Show a refusal by a selector or service at the field it is about."""
        self.add_error(exc.field if exc.field in self.fields else None, exc.message)


class PersonSearchForm(DomainErrorMixin, forms.Form):
    v_number = forms.CharField(
        label=_("V-number"),
        required=False,
        max_length=40,
        help_text=_("10 digits"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    reference = forms.CharField(
        label=_("Application reference"),
        required=False,
        max_length=40,
        help_text=_("For example 2026-7K3M9QXA"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    surname = forms.CharField(
        label=_("Surname"),
        required=False,
        max_length=200,
        help_text=_("The whole surname, as on the application"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ContactForm(DomainErrorMixin, forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[("", _("Choose…")), *Channel.choices],
        error_messages={"required": _("Choose how the contact took place.")},
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        help_text=_("In a few words, for example: asks when the decision comes"),
        error_messages={"required": _("Give the topic of the contact.")},
    )
    notes = forms.CharField(
        label=_("What was said"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write down what was said.")},
    )
    applications = forms.TypedMultipleChoiceField(
        label=_("The contact was about"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose the applications the contact was about.")},
    )

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].choices = [
            (a.pk, f"{a.reference}: {a.product.name}") for a in applications
        ]
        if len(applications) == 1:
            self.fields["applications"].initial = [applications[0].pk]
