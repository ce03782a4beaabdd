"""Checks on the identity data of an applicant, with messages a person can act on."""

import re
from datetime import date

from django.utils.translation import gettext as _
from django_countries import countries

from indigo import limits
from indigo.errors import InvalidInput

# ICAO Doc 9303 codes for people without a nationality in ISO 3166-1, which travel
# documents of stateless persons and refugees carry.
SPECIAL_NATIONALITY_CODES = {
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
    "XXX": "Unspecified nationality",
}
# BVV V-number; no public check digit (UNVERIFIED). ASCII digits only: `\d` would let
# Arabic-Indic or full-width digits through as a second spelling of the same number.
V_NUMBER = re.compile(r"^[0-9]{10}\Z", re.ASCII)
MAX_AGE_YEARS = 130


def validate_nationality(code: str) -> str:
    code = (code or "").strip().upper()
    if code in SPECIAL_NATIONALITY_CODES or (len(code) == 3 and countries.alpha2(code)):
        return code
    raise InvalidInput(
        _(
            "'%(code)s' is not an ISO 3166-1 alpha-3 country code. Use three letters, "
            "for example COL for Colombia or SYR for Syria (XXA for a stateless person)."
        )
        % {"code": code},
        field="nationality",
    )


def validate_v_number(value: str) -> str:
    value = (value or "").strip()
    if value and not V_NUMBER.match(value):
        raise InvalidInput(
            _("A V-number (vreemdelingennummer) has exactly 10 digits, for example 1234567890."),
            field="v_number",
        )
    return value


def validate_date_of_birth(value: date, *, today: date) -> date:
    if value > today:
        raise InvalidInput(_("The date of birth cannot be in the future."), field="date_of_birth")
    if today.year - value.year > MAX_AGE_YEARS:
        raise InvalidInput(
            _("The date of birth is more than %(years)d years ago; check the year.")
            % {"years": MAX_AGE_YEARS},
            field="date_of_birth",
        )
    return value


def validate_name(value: str, *, field: str) -> str:
    value = limits.name_check(value, field=field)
    if not value:
        raise InvalidInput(_("This name cannot be empty."), field=field)
    return value
