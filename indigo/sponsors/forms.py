"""Forms only parse input; the checks live in `application_input` and the services."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from indigo.errors import DomainError
from indigo.rules.vocabulary import FACT_NAMES, Kind
from indigo.sponsors.categories import ChangeKind
from indigo.sponsors.csv_format import MAX_BYTES
from indigo.sponsors.statements import EMPLOYMENT, STUDY

YES_NO = [("", _("Not given")), ("yes", _("Yes")), ("no", _("No"))]


def _yes_no(value: str):
    return {"yes": True, "no": False}.get(value)


class DomainErrorForm(forms.Form):
    # The sponsor portal marks optional fields "(optional)" (forms/field.html).
    mark_optional = True

    def add_domain_error(self, exc: DomainError) -> None:
        """Show a service's refusal at the fields it is about (all of them, if several)."""
        for error in getattr(exc, "errors", None) or [exc]:
            name = error.field if error.field in self.fields else None
            self.add_error(name, error.message)


class SponsorChoiceMixin:
    """The organisation to act for, asked only of people who work for more than one."""

    def _sponsor_field(self, sponsors):
        if len(sponsors) > 1:
            self.fields["sponsor"] = forms.TypedChoiceField(
                label=_("Organisation"),
                choices=[("", _("Choose…"))] + [(s.pk, s.name) for s in sponsors],
                coerce=int,
                error_messages={"required": _("Choose the organisation you act for.")},
            )
        self.sponsors = {s.pk: s for s in sponsors}

    def chosen_sponsor(self):
        if len(self.sponsors) == 1:
            return next(iter(self.sponsors.values()))
        return self.sponsors[self.cleaned_data["sponsor"]]


class DateField(forms.DateField):
    """A date picker; without one (older browsers) the text must be YYYY-MM-DD."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    default_error_messages = {"invalid": _("Give a date, for example 2027-06-30.")}


def fact_field(name: str) -> forms.Field:
    """A form field for a fact the sponsor states; never required (the check says).

    The label is the vocabulary's own, in the active language (made per request)."""
    fact = FACT_NAMES[name]
    label = capfirst(fact.label(get_language() or "en"))
    if fact.kind is Kind.DATE:
        return DateField(
            label=label,
            required=False,
        )
    if fact.kind is Kind.BOOL:
        return forms.TypedChoiceField(
            label=label, required=False, choices=YES_NO, coerce=_yes_no, empty_value=None
        )
    if fact.kind is Kind.MONEY:
        return forms.DecimalField(
            label=label,
            required=False,
            min_value=0,
            decimal_places=2,
            help_text=_("Euros per month, for example 5942.00"),
        )
    return forms.CharField(label=label, required=False, max_length=500)


def product_fact_field(name: str) -> forms.Field:
    """A fact field whose need depends on the product: not marked "(optional)"; the
    fieldset says when it is needed."""
    field = fact_field(name)
    field.sometimes_required = True
    return field


class ApplyForm(SponsorChoiceMixin, DomainErrorForm):
    product = forms.ChoiceField(
        label=_("Product"), error_messages={"required": _("Choose the product.")}
    )
    given_names = forms.CharField(
        label=_("Given names"),
        max_length=200,
        help_text=_("As in the passport"),
        error_messages={"required": _("Give the given names, as in the passport.")},
    )
    surname = forms.CharField(
        label=_("Surname"),
        max_length=200,
        help_text=_("As in the passport"),
        error_messages={"required": _("Give the surname, as in the passport.")},
    )
    date_of_birth = DateField(
        label=_("Date of birth"),
        error_messages={"required": _("Give the date of birth.")},
    )
    nationality = forms.CharField(
        label=_("Nationality"),
        max_length=3,
        help_text=_("Three letters, for example COL for Colombia"),
        error_messages={"required": _("Give the nationality, for example COL.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    v_number = forms.CharField(
        label=_("V-number"),
        required=False,
        max_length=10,
        help_text=_("10 digits, if the migrant has one"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    authorisation_given_on = DateField(
        label=_("Authorised on"),
        required=False,
        help_text=_("The day the migrant authorised your organisation to apply"),
    )
    authorisation_how = forms.CharField(
        label=_("How the migrant authorised you"),
        required=False,
        max_length=200,
        help_text=_("For example: signed form"),
    )
    vouch = forms.BooleanField(
        label=_("We declare that the migrant meets the conditions (we vouch for the migrant)"),
        required=False,
    )

    STUDY_FIELDS = STUDY
    WORK_FIELDS = EMPLOYMENT

    def __init__(self, *args, products, sponsors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [("", _("Choose…"))] + [(p.code, p.name) for p in products]
        for name in (*STUDY, *EMPLOYMENT):
            self.fields[name] = product_fact_field(name)
        self._sponsor_field(sponsors)

    def facts(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in (*STUDY, *EMPLOYMENT)}


class StatementsForm(DomainErrorForm):
    """The facts the rules still miss from the sponsor, one field each."""

    def __init__(self, *args, names, **kwargs):
        super().__init__(*args, **kwargs)
        for name in names:
            self.fields[name] = fact_field(name)

    def facts(self) -> dict:
        return dict(self.cleaned_data)


class UploadForm(SponsorChoiceMixin, DomainErrorForm):
    csv_file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with ; or , between the values; at most 2 MB"),
        error_messages={"required": _("Choose the CSV file to upload.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, sponsors, **kwargs):
        super().__init__(*args, **kwargs)
        self._sponsor_field(sponsors)

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Split it into smaller files.")
            )
        return upload


class ChangeReportForm(DomainErrorForm):
    kind = forms.ChoiceField(
        label=_("What changed"),
        choices=[("", _("Choose…")), *ChangeKind.choices],
        error_messages={"required": _("Choose what changed.")},
    )
    on = DateField(
        label=_("The day of the change"),
        error_messages={"required": _("Give the day of the change.")},
    )
    details = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("What happened, in a few sentences"),
        error_messages={"required": _("Describe the change in a few sentences.")},
    )
