"""Forms of the decision panel; they only parse input, the services decide."""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from indigo.decisions.models import Decision
from indigo.rules.models import Fact
from indigo.rules.vocabulary import FACT_NAMES, Kind


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Your decision"), choices=Decision.Outcome.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        help_text=_(
            "Needed when you refuse, grant differently or do not follow the proposal. Write "
            "in plain words: the applicant reads it in the letter."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    valid_until = forms.DateField(
        label=_("Permit valid until (only when you grant differently)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    view_answer = forms.CharField(
        label=_("Your answer to the applicant's written view"),
        required=False,
        help_text=_("Needed when the applicant responded to the intended refusal."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IntentionForm(forms.Form):
    grounds = forms.CharField(
        label=_("Why you intend to refuse"),
        help_text=_(
            "Addressed to the applicant, in the language of the letter. The applicant may "
            "respond in writing before you decide."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ViewForm(forms.Form):
    text = forms.CharField(
        label=_("What the applicant wrote"), widget=forms.Textarea(attrs={"rows": 4})
    )
    received_on = forms.DateField(
        label=_("Received on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class FactForm(forms.Form):
    """Record a fact: the picker offers the facts of the application's product version
    (`names`); once one is chosen its value is asked with the control of its kind in
    the rules' vocabulary (yes/no, an amount in euros, a date, a choice, …)."""

    name = forms.ChoiceField(label=_("Fact"))
    value = forms.CharField(label=_("Value"), max_length=500)
    source = forms.ChoiceField(label=_("Where it comes from"), choices=Fact.Source.choices)
    source_detail = forms.CharField(
        label=_("Source detail (optional)"),
        required=False,
        max_length=200,
        help_text=_("For example BRP, UWV or the sponsor's statement."),
    )

    @staticmethod
    def available() -> bool:
        return bool(FACT_NAMES)

    def __init__(self, *args, names=None, fact: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        names = list(names) if names is not None else list(FACT_NAMES)
        self.fields["name"].choices = [(name, FACT_NAMES[name].label(language)) for name in names]
        chosen = fact or (self.data.get("name") if self.is_bound else None)
        self.chosen = FACT_NAMES.get(chosen) if chosen in names else None
        if self.chosen is not None:
            self.fields["name"].initial = self.chosen.name
            self.fields["name"].widget = forms.HiddenInput()
            self.fields["value"] = value_field(self.chosen, language=language)

    def clean(self):
        data = super().clean()
        value = data.get("value")
        if self.chosen is None or value is None:
            return data
        if isinstance(value, date):
            data["value"] = value.isoformat()
        elif isinstance(value, Decimal):
            data["value"] = str(value)
        elif self.chosen.kind == Kind.BOOL:
            data["value"] = value == "true"
        return data


def value_field(fact, *, language: str) -> forms.Field:
    """The form control for a fact of this kind."""
    label = fact.label(language)
    label = label[:1].upper() + label[1:]
    kind = fact.kind
    if kind == Kind.BOOL:
        return forms.ChoiceField(
            label=label,
            choices=[("true", _("Yes")), ("false", _("No"))],
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": _("Choose yes or no.")},
        )
    if kind == Kind.DATE:
        return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}))
    if kind == Kind.MONEY:
        return forms.DecimalField(
            label=label,
            min_value=0,
            max_digits=10,
            decimal_places=2,
            help_text=_("An amount in euros (EUR) per month, e.g. 5942.00."),
            widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        )
    if kind == Kind.INT:
        return forms.IntegerField(label=label, min_value=0)
    if kind == Kind.DECIMAL:
        return forms.DecimalField(label=label, min_value=0, max_digits=12, decimal_places=6)
    if kind == Kind.CHOICE:
        return forms.ChoiceField(label=label, choices=[(c, c) for c in fact.choices])
    return forms.CharField(label=label, max_length=500)
