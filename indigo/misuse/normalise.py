"""Comparable forms of what people write differently: numbers, addresses, names.

A travel document number or KvK number written "ab 123-456" and "AB123456" is the
same number; an address is compared by postcode and house number where it was
recorded in parts (the way the BAG identifies an address), else by its text. Names
compare without case, accents or extra spaces, because one person's name is
transliterated differently on different documents.

`compact` strips exactly the characters `compact_sql` strips in the database, so a
database pre-selection never misses what Python would match.
"""

import unicodedata
from datetime import date

from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast, Replace, Upper

# Separators people put in numbers and addresses; '"' is the JSON quote of a string.
_STRIPPED = (" ", "-", ".", ",", "/", '"')


def compact(value) -> str | None:
    """A number or free text without separators, upper case; None if not a scalar."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value)
    for char in _STRIPPED:
        text = text.replace(char, "")
    return text.upper() or None


def compact_sql(expression) -> Func:
    """`compact` in SQL, on a JSON value (its JSON text) or a text expression."""
    text = Cast(expression, TextField())
    for char in _STRIPPED:
        text = Replace(text, Value(char), Value(""), output_field=TextField())
    return Upper(text, output_field=TextField())


def address(value) -> str | None:
    """A structured address by postcode and house number (with addition), else its text."""
    if isinstance(value, dict):
        postcode = compact(value.get("postcode"))
        number = compact(value.get("house_number"))
        if postcode and number:
            addition = compact(value.get("house_number_addition")) or ""
            return f"{postcode} {number}{addition}"
        return None
    return compact(value)


def name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").casefold().split())


def identity(given_names: str, surname: str, date_of_birth: date) -> tuple[str, str, str]:
    """Who a person is, for comparing applicants: names and date of birth, nothing else."""
    return (name(given_names), name(surname), date_of_birth.isoformat())
