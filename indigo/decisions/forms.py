"""Forms of the decision panel; they only parse input, the services decide."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from indigo.decisions.models import Decision
from indigo.rules.models import Fact
from indigo.rules.vocabulary import FACT_NAMES, Kind

_TRUE = {"true", "yes", "ja", "1"}
_FALSE = {"false", "no", "nee", "0"}


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
    name = forms.ChoiceField(label=_("Fact"))
    value = forms.CharField(
        label=_("Value"),
        max_length=500,
        help_text=_(
            "Yes or no as true or false; an amount as 5942.00; a date as 2026-08-31; "
            "otherwise a number or a short text."
        ),
    )
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        self.fields["name"].choices = [
            (name, fact.label(language)) for name, fact in FACT_NAMES.items()
        ]

    def clean(self):
        data = super().clean()
        name, value = data.get("name"), data.get("value")
        if not name or value is None:
            return data
        kind = FACT_NAMES[name].kind
        text = value.strip()
        if kind == Kind.BOOL:
            if text.lower() not in _TRUE | _FALSE:
                self.add_error("value", _("Write true or false."))
            data["value"] = text.lower() in _TRUE
        elif kind == Kind.INT:
            if not text.isdigit():
                self.add_error("value", _("Write a whole number of 0 or more."))
            else:
                data["value"] = int(text)
        else:
            data["value"] = text
        return data
