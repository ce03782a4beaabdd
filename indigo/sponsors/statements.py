"""What a recognised sponsor states about the migrant, per product.

These are facts of the rules vocabulary (`indigo.rules.vocabulary`) that the sponsor
knows first-hand: the programme for a student, the contract and salary for an
employee. The rule sets read them; a missing one is asked of the sponsor.

Values arrive as Python values (the apply form, other services) or as text (a CSV
file); both are checked here, so that every screen says the same thing in the user's
language. The rules vocabulary then stores them.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from indigo.errors import day
from indigo.rules.vocabulary import FACT_NAMES, Kind, value_clean

STUDY = ("programme_name", "programme_end_date", "admitted_to_programme")
EMPLOYMENT = (
    "gross_monthly_salary",
    "contract_start_date",
    "contract_end_date",
    "contract_open_ended",
    "reduced_salary_criterion_applies",
)

# The facts a sponsor states, per product; the rest is asked of others.
STATED_FACTS: dict[str, tuple[str, ...]] = {
    "study": STUDY,
    "highly-skilled-migrant": EMPLOYMENT,
    "eu-blue-card": EMPLOYMENT,
    "paid-employment": EMPLOYMENT,
    "au-pair": (),
    "exchange": (),
}
# Stated when the sponsor applies; the rest only when the sponsor knows it.
REQUIRED_ON_APPLY: dict[str, frozenset[str]] = {
    "study": frozenset({"programme_name", "programme_end_date"}),
    "highly-skilled-migrant": frozenset({"gross_monthly_salary", "contract_start_date"}),
    "eu-blue-card": frozenset({"gross_monthly_salary", "contract_start_date"}),
    "paid-employment": frozenset({"gross_monthly_salary", "contract_start_date"}),
}
ALL_STATED = tuple(dict.fromkeys(name for names in STATED_FACTS.values() for name in names))


@dataclass(frozen=True)
class FieldError:
    """One problem with one field (a form field, a CSV column)."""

    field: str
    message: str
    code: str = "invalid"


def kind_of(name: str) -> Kind:
    return FACT_NAMES[name].kind


def label_of(name: str, language: str) -> str:
    return FACT_NAMES[name].label(language)


def _expected(kind: Kind) -> str:
    if kind is Kind.DATE:
        return _("Give a date, for example 2027-06-30.")
    if kind is Kind.MONEY:
        return _(
            "Give an amount in euros per month, without a thousands separator, for example 5942.00."
        )
    if kind is Kind.BOOL:
        return _("Answer yes or no.")
    return _("Give a text of at most 500 characters.")


def fact_value_clean(name: str, value) -> FieldError | object:
    """The value as Python (date, Decimal, bool, str), or a FieldError."""
    kind = kind_of(name)
    try:
        stored = value_clean(kind, value)
    except ValueError:
        return FieldError(name, _expected(kind))
    return FACT_NAMES[name].read(stored)


# --- text (CSV) -------------------------------------------------------------------------

_YES = {"yes", "y", "ja", "j", "true", "1"}
_NO = {"no", "n", "nee", "false", "0"}
_AMOUNT = re.compile(r"^\d+([.,]\d{1,2})?$")


def text_parse(name: str, text: str) -> FieldError | object | None:
    """A CSV cell as a Python value; None when it is empty."""
    text = text.strip()
    if not text:
        return None
    kind = kind_of(name)
    if kind is Kind.DATE:
        return date_parse(text, field=name)
    if kind is Kind.BOOL:
        return yes_no_parse(text, field=name)
    if kind is Kind.MONEY:
        cleaned = text.replace("€", "").replace(" ", "")
        if not _AMOUNT.match(cleaned):
            return FieldError(name, _expected(kind))
        try:
            return fact_value_clean(name, Decimal(cleaned.replace(",", ".")))
        except InvalidOperation:
            return FieldError(name, _expected(kind))
    return fact_value_clean(name, text)


def date_parse(text: str, *, field: str) -> date | FieldError:
    """YYYY-MM-DD, or DD-MM-YYYY as Dutch spreadsheets write it."""
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return FieldError(
        field, _("Give a date as 2027-06-30 or 30-06-2027; got “%(text)s”.") % {"text": text}
    )


def yes_no_parse(text: str, *, field: str) -> bool | FieldError:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    return FieldError(field, _("Answer yes or no (ja or nee); got “%(text)s”.") % {"text": text})


# --- checks that need more than one fact ---------------------------------------------


def statements_check(
    *, product_code: str, facts: dict, today: date, on_apply: bool, product_name: str = ""
) -> tuple[dict, list[FieldError]]:
    """The facts cleaned for this product, and every problem found.

    A fact that does not belong to the product is an error rather than ignored: a
    sponsor who filled it in meant something by it.
    """
    allowed = STATED_FACTS.get(product_code, ())
    errors: list[FieldError] = []
    cleaned: dict = {}
    for name, value in facts.items():
        if value is None or value == "":
            continue
        if name not in allowed:
            errors.append(
                FieldError(
                    name,
                    _("This does not apply to the product “%(product)s”; leave it empty.")
                    % {"product": product_name or product_code},
                )
            )
            continue
        result = fact_value_clean(name, value)
        if isinstance(result, FieldError):
            errors.append(result)
        else:
            cleaned[name] = result
    if on_apply:
        for name in sorted(REQUIRED_ON_APPLY.get(product_code, ())):
            if name not in cleaned and not any(e.field == name for e in errors):
                errors.append(FieldError(name, _("This is needed for this product."), "required"))
    errors += _consistency(cleaned, today=today, on_apply=on_apply)
    return cleaned, errors


def _consistency(facts: dict, *, today: date, on_apply: bool) -> list[FieldError]:
    errors = []
    programme_end = facts.get("programme_end_date")
    if on_apply and programme_end is not None and programme_end <= today:
        errors.append(
            FieldError(
                "programme_end_date",
                _("The programme must end after today (%(today)s).") % {"today": day(today)},
            )
        )
    start, end = facts.get("contract_start_date"), facts.get("contract_end_date")
    if start is not None and end is not None and end <= start:
        errors.append(FieldError("contract_end_date", _("The contract must end after it starts.")))
    if facts.get("contract_open_ended") is True and end is not None:
        errors.append(
            FieldError(
                "contract_end_date",
                _("An open-ended contract has no end date. Give one of the two, not both."),
            )
        )
    if on_apply and "contract_start_date" in facts:
        open_ended = facts.get("contract_open_ended") is True
        if end is None and not open_ended:
            errors.append(
                FieldError(
                    "contract_end_date",
                    _("Give the end date of the contract, or say it is open-ended."),
                    "required",
                )
            )
    return errors
