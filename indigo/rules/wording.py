"""Numbers and dates inside explanations, written as people read them.

Findings carry an English and a Dutch text side by side, so these format for a given
language instead of the active one: "€5,942" and "1 March 2026"; "€ 5.942" and
"1 maart 2026".
"""

from datetime import date
from decimal import Decimal

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def euro_en(amount: Decimal) -> str:
    return "€" + _grouped(amount, thousands=",", decimal=".")


def euro_nl(amount: Decimal) -> str:
    return "€ " + _grouped(amount, thousands=".", decimal=",")


def _grouped(amount: Decimal, *, thousands: str, decimal: str) -> str:
    amount = Decimal(amount).quantize(Decimal("0.01"))
    whole, cents = divmod(abs(amount), 1)
    text = f"{int(whole):,}".replace(",", thousands)
    if cents:
        text += decimal + f"{int(cents * 100):02d}"
    return ("-" if amount < 0 else "") + text


def day_en(value: date) -> str:
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def day_nl(value: date) -> str:
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def years_en(n: int) -> str:
    return f"{n} year" if n == 1 else f"{n} years"


def years_nl(n: int) -> str:
    return f"{n} jaar"


def months_en(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


def months_nl(n: int) -> str:
    return f"{n} maand" if n == 1 else f"{n} maanden"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
