"""Forms of the portal: they parse and check input; the services decide.

Texts are for applicants: short sentences, "you", an example where a format matters
(B1, Direct Duidelijk). Every error says what to do.
"""

from datetime import date
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from indigo import clock
from indigo.cases import validators
from indigo.errors import DomainError, InvalidInput
from indigo.partners.bsn import bsn_valid
from indigo.portal.questions import Question, questions_for
from indigo.rules.vocabulary import Kind

FILE_TYPES = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]

# ICAO codes for people without a nationality (see indigo.cases.validators).
SPECIAL_NATIONALITIES = [
    ("XXA", _("Stateless")),
    ("XXB", _("Refugee (1951 Convention)")),
    ("XXC", _("Refugee (other)")),
    ("XXX", _("Nationality unknown")),
]


class DomainErrorMixin:
    def add_domain_error(self, exc: DomainError) -> None:
        """Show a refusal by a service at the field it is about, or above the form."""
        field = (exc.field or "").rsplit(".", 1)[-1]
        self.add_error(field if field in self.fields else None, exc.message)


def _text(label, *, missing, autocomplete="", max_length=200, help_text=""):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
        error_messages={"required": missing},
    )


def _date(label, *, help_text="", required=True, autocomplete=""):
    attrs = {"type": "date"}
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs=attrs, format="%Y-%m-%d"),
        error_messages={
            "required": _("Fill in the date."),
            "invalid": _("Fill in a real date, for example 12-04-1998."),
        },
    )


def nationality_choices() -> list[tuple[str, str]]:
    """Countries by their name in the active language; the value is the ISO alpha-3 code."""
    found = [(countries.alpha3(code), name) for code, name in countries]
    return [("", _("Choose…")), *sorted(found, key=lambda c: c[1]), *SPECIAL_NATIONALITIES]


class DevLoginForm(DomainErrorMixin, forms.Form):
    username = _text(
        _("User name"),
        autocomplete="username",
        max_length=150,
        help_text=_("A new name makes a new test account. Use the name again to come back."),
        missing=_("Fill in a user name."),
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Fill in an e-mail address like name@example.com.")},
    )


class PersonalForm(DomainErrorMixin, forms.Form):
    given_names = _text(
        _("Given names"),
        autocomplete="given-name",
        help_text=_("All your given names, as in your passport."),
        missing=_("Fill in your given names."),
    )
    surname = _text(
        _("Surname"),
        autocomplete="family-name",
        help_text=_("As in your passport."),
        missing=_("Fill in your surname."),
    )
    date_of_birth = _date(_("Date of birth"), autocomplete="bday")
    nationality = forms.ChoiceField(
        label=_("Nationality"),
        help_text=_("The nationality in your passport."),
        error_messages={"required": _("Choose your nationality.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "We send you an e-mail when there is news. The e-mail does not say what the news "
            "is: you read that here, after you log in."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.com."),
        },
    )
    language = forms.ChoiceField(
        label=_("In which language do you want our letters and e-mails?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a language.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = nationality_choices()
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_local"].capitalize())
            for code, _name in settings.LANGUAGES
        ]

    def _checked(self, check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except InvalidInput as exc:
            raise forms.ValidationError(exc.message) from exc

    def clean_given_names(self):
        return self._checked(validators.validate_name, self.cleaned_data["given_names"], field="")

    def clean_surname(self):
        return self._checked(validators.validate_name, self.cleaned_data["surname"], field="")

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        return self._checked(validators.validate_date_of_birth, value, today=clock.today())

    def answers(self) -> dict:
        data = self.cleaned_data
        return {**data, "date_of_birth": data["date_of_birth"].isoformat()}

    @staticmethod
    def initial_from(answers: dict) -> dict:
        return dict(answers)


def _question_field(question: Question) -> forms.Field:
    fact = question.fact_name
    common = {"label": question.text, "help_text": question.hint, "required": question.required}
    required = {"required": _("Answer this question.")}
    if fact.kind is Kind.MONEY:
        return forms.DecimalField(
            **common,
            min_value=0,
            max_digits=10,
            decimal_places=2,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            error_messages={
                **required,
                "invalid": _("Fill in an amount in euros, for example 2500 or 2500,50."),
                "min_value": _("The amount cannot be less than 0."),
                "max_decimal_places": _("Use at most 2 digits after the comma."),
                "max_digits": _("This amount is too large."),
                "max_whole_digits": _("This amount is too large."),
            },
        )
    if fact.kind is Kind.DATE:
        field = _date(question.text, help_text=question.hint, required=question.required)
        field.error_messages["required"] = _("Answer this question.")
        return field
    if fact.kind is Kind.BOOL:
        return forms.ChoiceField(
            **common, choices=YES_NO, widget=forms.RadioSelect, error_messages=required
        )
    if fact.kind is Kind.INT:
        return forms.IntegerField(
            **common,
            min_value=0,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            error_messages={
                **required,
                "invalid": _("Fill in a whole number, for example 12."),
                "min_value": _("The number cannot be less than 0."),
            },
        )
    if fact.kind is Kind.CHOICE:
        return forms.ChoiceField(
            **common,
            choices=[(c, c) for c in fact.choices],
            widget=forms.RadioSelect,
            error_messages=required,
        )
    return forms.CharField(**common, max_length=500, error_messages=required)


def _to_form(kind: Kind, stored):
    if kind is Kind.BOOL:
        return YES if stored else NO
    if kind is Kind.DATE:
        return date.fromisoformat(stored)
    if kind is Kind.MONEY:
        return Decimal(stored)
    return stored


class QuestionsForm(DomainErrorMixin, forms.Form):
    """The product's questions (`indigo.portal.questions`), one field per fact."""

    def __init__(self, *args, product_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions_for(product_code)
        for question in self.questions:
            self.fields[question.fact] = _question_field(question)

    @classmethod
    def initial_from(cls, answers: dict, *, product_code: str) -> dict:
        return {
            q.fact: _to_form(q.fact_name.kind, answers[q.fact])
            for q in questions_for(product_code)
            if answers.get(q.fact) is not None
        }

    def clean_sponsor_bsn(self):
        value = (self.cleaned_data.get("sponsor_bsn") or "").strip().replace(" ", "")
        if value and not bsn_valid(value):
            raise forms.ValidationError(
                _("This is not a valid BSN. A BSN has 9 digits; check the number.")
            )
        return value

    def answers(self) -> dict:
        """The answers as the rules store facts; empty optional answers are left out."""
        stored = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.fact)
            if value in (None, ""):
                continue
            if question.fact_name.kind is Kind.BOOL:
                value = value == YES
            stored[question.fact] = question.fact_name.clean(value)
        return stored


class DocumentForm(forms.Form):
    document_type = forms.CharField(widget=forms.HiddenInput)
    file = forms.FileField(
        label=_("Choose a file"),
        help_text=_("A PDF, JPEG or PNG file."),
        widget=forms.ClearableFileInput(attrs={"accept": FILE_TYPES}),
        error_messages={
            "required": _("Choose a file to upload."),
            "empty": _(
                "The file is empty. Choose the file again; if it was a scan, scan it again."
            ),
        },
    )

    def __init__(self, *args, document_type=None, **kwargs):
        super().__init__(*args, **kwargs)
        if document_type is not None:
            self.fields["document_type"].initial = document_type.code
            self.fields["file"].label = _("Upload: %(document)s") % {"document": document_type.name}
            self.auto_id = f"id_{document_type.code}_%s"


class CheckForm(forms.Form):
    declaration = forms.BooleanField(
        label=_("I have filled in everything truthfully and completely."),
        error_messages={"required": _("Confirm that you filled in everything truthfully.")},
    )


class ReplyForm(DomainErrorMixin, forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=5000,
        help_text=_("Write what you send us. You can also only add a document."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    document_type = forms.ChoiceField(
        label=_("What kind of document is it?"),
        required=False,
        help_text=_("Only if you add a document."),
    )
    file = forms.FileField(
        label=_("Add a document (optional)"),
        required=False,
        help_text=_("A PDF, JPEG or PNG file."),
        widget=forms.ClearableFileInput(attrs={"accept": FILE_TYPES}),
        error_messages={
            "empty": _("The file is empty. Choose the file again; if it was a scan, scan it again.")
        },
    )

    def __init__(self, *args, document_types=(), request_pk=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].choices = [
            ("", _("Choose…")),
            *[(t.code, t.name) for t in document_types],
        ]
        self.request_pk = request_pk
        if request_pk is not None:
            self.auto_id = f"id_reply{request_pk}_%s"

    def clean(self):
        data = super().clean()
        if data.get("file") and not data.get("document_type"):
            self.add_error("document_type", _("Choose what kind of document you send."))
        if not data.get("file") and not (data.get("answer") or "").strip():
            self.add_error("answer", _("Write what you are sending, or attach it."))
        return data


class AccessibilityReportForm(DomainErrorMixin, forms.Form):
    page = forms.CharField(
        label=_("Where did it go wrong?"),
        required=False,
        max_length=500,
        help_text=_("The page or the part of the portal, for example: the step “Documents”."),
    )
    description = forms.CharField(
        label=_("What went wrong?"),
        max_length=5000,
        help_text=_(
            "Tell us what you wanted to do and what did not work. Say also what you use, "
            "for example a screen reader or only a keyboard."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Tell us what went wrong.")},
    )
    contact = forms.CharField(
        label=_("Your e-mail address or phone number (optional)"),
        required=False,
        max_length=254,
        help_text=_("Only if you want an answer from us."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )


class ComplaintForm(DomainErrorMixin, forms.Form):
    """A complaint (Awb chapter 9) from the applicant's own account."""

    category = forms.ChoiceField(
        label=_("What is your complaint about?"),
        choices=[],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what your complaint is about.")},
    )
    application = forms.ChoiceField(
        label=_("Is it about one of your applications? (optional)"), required=False, choices=[]
    )
    description = forms.CharField(
        label=_("What happened?"),
        max_length=10000,
        help_text=_("Tell us what happened, when, and what you expected from us."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Tell us what happened.")},
    )
    complainant_name = _text(_("Your name"), missing=_("Fill in your name."), autocomplete="name")
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("We send the confirmation and our answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    postal_address = forms.CharField(
        label=_("Postal address (if you want our answer by post)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
    )

    def __init__(self, *args, categories, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories
        self.fields["application"].choices = [("", _("No, not about an application"))] + [
            (a.reference, f"{a.reference}: {a.product.name}") for a in applications
        ]


class SurveyForm(DomainErrorMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with our service?"),
        choices=[
            (5, _("5: very satisfied")),
            (4, _("4: satisfied")),
            (3, _("3: neither satisfied nor dissatisfied")),
            (2, _("2: dissatisfied")),
            (1, _("1: very dissatisfied")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a score from 1 to 5.")},
    )
    comment = forms.CharField(
        label=_("What could we do better? (optional)"),
        required=False,
        max_length=2000,
        help_text=_("Do not write personal details or your application number here."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
