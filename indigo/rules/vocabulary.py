"""The words rules are written in: the facts they read, and the kinds of values.

A fact's name is declared here with its kind and a label in Dutch and English, so a
typo ("gross_montly_salary") is refused when the fact is recorded instead of making a
rule silently ask for information that is already there. The parameters' keys are
declared for the same reason, in `parameter_keys`.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from indigo.errors import InvalidInput


class Kind(StrEnum):
    MONEY = "money"  # EUR per month, stored as a string with two decimals
    DATE = "date"  # stored as YYYY-MM-DD
    BOOL = "bool"
    INT = "int"  # a whole number, 0 or more
    TEXT = "text"
    CHOICE = "choice"
    ADDRESS = "address"  # a text, or a structured address (postcode and house number)
    DECIMAL = "decimal"  # an exact number (e.g. a share between 0 and 1), stored as text


KIND_WORDS = {
    Kind.MONEY: "an amount in euros per month, e.g. 5942.00",
    Kind.DATE: "a date (YYYY-MM-DD)",
    Kind.BOOL: "true or false",
    Kind.INT: "a whole number of 0 or more",
    Kind.TEXT: "a text of at most 500 characters",
    Kind.CHOICE: "one of the listed choices",
    Kind.ADDRESS: (
        "an address: a text, or a mapping with postcode and house_number (and optionally "
        "street, house_number_addition, city, country)"
    ),
    Kind.DECIMAL: "a number, e.g. 0.5",
}
ADDRESS_FIELDS = {"street", "house_number", "house_number_addition", "postcode", "city", "country"}

TEXT_MAX = 500
MONEY_MAX = Decimal("10000000")


@dataclass(frozen=True)
class FactName:
    name: str
    kind: Kind
    label_en: str
    label_nl: str
    # Who normally provides it, and so whom a missing fact is asked of: applicant,
    # sponsor, partner (a partner agency: BRP, UWV, DUO, Justid) or caseworker.
    asked_of: str
    choices: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        return self.label_nl if language.startswith("nl") else self.label_en

    def clean(self, value) -> object:
        """The value as stored (JSON), or InvalidInput naming the fact."""
        try:
            return value_clean(self.kind, value, choices=self.choices)
        except ValueError as exc:
            raise InvalidInput(
                f"'{self.name}' ({self.label_en}) must be {exc}; got {value!r}.",
                field=self.name,
            ) from exc

    def read(self, stored) -> object:
        """The stored value as Python: Decimal for money, date for dates."""
        if self.kind is Kind.MONEY:
            return Decimal(str(stored))
        if self.kind is Kind.DATE:
            return date.fromisoformat(stored)
        return stored


def value_clean(kind: Kind, value, *, choices: tuple[str, ...] = ()) -> object:
    """`value` as stored for `kind`; ValueError says what was expected."""
    try:
        return _CLEANERS[kind](value, choices)
    except (TypeError, ValueError, InvalidOperation):
        if kind is Kind.CHOICE:
            raise ValueError(f"one of: {', '.join(choices)}") from None
        raise ValueError(KIND_WORDS[kind]) from None


def _money(value, choices) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise TypeError
    amount = Decimal(str(value).strip())
    if not amount.is_finite() or amount < 0 or amount >= MONEY_MAX:
        raise ValueError
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError  # no fractions of a cent
    return str(amount.quantize(Decimal("0.01")))


def _date(value, choices) -> str:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value.isoformat()
    if isinstance(value, str):
        return date.fromisoformat(value.strip()).isoformat()
    raise TypeError


def _bool(value, choices) -> bool:
    if not isinstance(value, bool):
        raise TypeError
    return value


def _int(value, choices) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError
    return value


def _text(value, choices) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > TEXT_MAX:
        raise TypeError
    return value.strip()


def _address(value, choices) -> str | dict:
    if isinstance(value, str):
        return _text(value, choices)
    if not isinstance(value, dict) or not value or set(value) - ADDRESS_FIELDS:
        raise TypeError
    cleaned = {}
    for name, part in value.items():
        if isinstance(part, bool) or not isinstance(part, str | int):
            raise TypeError
        cleaned[name] = part.strip() if isinstance(part, str) else part
    if not cleaned.get("postcode") or not cleaned.get("house_number"):
        raise ValueError
    return cleaned


def _decimal(value, choices) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise TypeError
    number = Decimal(str(value).strip())
    if not number.is_finite():
        raise ValueError
    return str(number)


def _choice(value, choices) -> str:
    if value not in choices:
        raise ValueError
    return value


_CLEANERS = {
    Kind.MONEY: _money,
    Kind.DATE: _date,
    Kind.BOOL: _bool,
    Kind.INT: _int,
    Kind.TEXT: _text,
    Kind.CHOICE: _choice,
    Kind.ADDRESS: _address,
    Kind.DECIMAL: _decimal,
}


def _fact(name, kind, label_en, label_nl, asked_of, choices=()) -> tuple[str, FactName]:
    return name, FactName(name, Kind(kind), label_en, label_nl, asked_of, tuple(choices))


FACT_NAMES: dict[str, FactName] = dict(
    [
        # Work
        _fact(
            "gross_monthly_salary",
            "money",
            "gross monthly salary (without holiday allowance)",
            "bruto maandsalaris (zonder vakantiegeld)",
            "sponsor",
        ),
        _fact(
            "employer_is_recognised_sponsor",
            "bool",
            "whether the employer is a recognised sponsor",
            "of de werkgever erkend referent is",
            "caseworker",
        ),
        _fact(
            "reduced_salary_criterion_applies",
            "bool",
            "whether the reduced salary criterion applies (e.g. recent graduate)",
            "of het verlaagde salariscriterium geldt (bijvoorbeeld pas afgestudeerd)",
            "sponsor",
        ),
        _fact(
            "contract_start_date",
            "date",
            "start date of the employment contract",
            "begindatum van het arbeidscontract",
            "sponsor",
        ),
        _fact(
            "contract_end_date",
            "date",
            "end date of the employment contract",
            "einddatum van het arbeidscontract",
            "sponsor",
        ),
        _fact(
            "contract_open_ended",
            "bool",
            "whether the employment contract is open-ended",
            "of het arbeidscontract voor onbepaalde tijd is",
            "sponsor",
        ),
        _fact(
            "higher_professional_qualification",
            "bool",
            "whether the applicant has a higher professional qualification",
            "of de aanvrager een hogere beroepskwalificatie heeft",
            "caseworker",
        ),
        _fact(
            "labour_market_advice_positive",
            "bool",
            "whether UWV advises positively on the work permit",
            "of UWV positief adviseert over de tewerkstellingsvergunning",
            "partner",
        ),
        # Sponsors
        _fact(
            "sponsor_vouched",
            "bool",
            "whether the recognised sponsor declared that the applicant meets the conditions",
            "of de erkend referent verklaarde dat de aanvrager aan de voorwaarden voldoet",
            "sponsor",
        ),
        _fact(
            "sponsor_is_recognised",
            "bool",
            "whether the sponsor (exchange organisation) is a recognised sponsor",
            "of de referent (uitwisselingsorganisatie) erkend referent is",
            "caseworker",
        ),
        # Study
        _fact(
            "admitted_to_programme",
            "bool",
            "whether the applicant is admitted to the programme",
            "of de aanvrager tot de opleiding is toegelaten",
            "sponsor",
        ),
        _fact(
            "programme_name", "text", "name of the programme", "naam van de opleiding", "sponsor"
        ),
        _fact(
            "programme_end_date",
            "date",
            "end date of the programme",
            "einddatum van de opleiding",
            "sponsor",
        ),
        _fact(
            "institution_is_recognised",
            "bool",
            "whether the educational institution is a recognised sponsor",
            "of de onderwijsinstelling erkend referent is",
            "caseworker",
        ),
        _fact(
            "monthly_means",
            "money",
            "money available per month",
            "geld per maand beschikbaar",
            "applicant",
        ),
        # Family
        _fact(
            "sponsor_gross_monthly_income",
            "money",
            "sponsor's gross monthly income (without holiday allowance)",
            "bruto maandinkomen van de referent (zonder vakantiegeld)",
            "partner",
        ),
        _fact(
            "income_duration_months",
            "int",
            "months the sponsor's income lasts from the application date",
            "maanden dat het inkomen van de referent duurt vanaf de aanvraagdatum",
            "partner",
        ),
        _fact(
            "relationship_registered",
            "bool",
            "whether the partners are married or in a registered partnership",
            "of de partners getrouwd zijn of een geregistreerd partnerschap hebben",
            "applicant",
        ),
        _fact(
            "sponsor_bsn",
            "text",
            "citizen service number (BSN) of the sponsor",
            "burgerservicenummer (BSN) van de referent",
            "applicant",
        ),
        _fact(
            "sponsor_date_of_birth",
            "date",
            "date of birth of the sponsor",
            "geboortedatum van de referent",
            "partner",
        ),
        _fact(
            "sponsor_is_single_parent",
            "bool",
            "whether the sponsor is a single parent",
            "of de referent alleenstaande ouder is",
            "applicant",
        ),
        _fact(
            "family_tie_established",
            "bool",
            "whether the family tie with the sponsor is established",
            "of de familieband met de referent is vastgesteld",
            "caseworker",
        ),
        _fact(
            "sponsor_permit_end_date",
            "date",
            "end date of the sponsor's residence permit",
            "einddatum van de verblijfsvergunning van de referent",
            "caseworker",
        ),
        # Residence, integration, public order
        _fact(
            "years_legal_residence",
            "int",
            "years of legal residence in the Netherlands",
            "jaren rechtmatig verblijf in Nederland",
            "caseworker",
        ),
        _fact(
            "civic_integration_passed",
            "bool",
            "whether the civic integration exam is passed (or an exemption applies)",
            "of het inburgeringsexamen is gehaald (of er een vrijstelling geldt)",
            "partner",
        ),
        _fact(
            "criminal_record",
            "bool",
            "whether there is an entry in the criminal record",
            "of er iets in de justitiële documentatie staat",
            "partner",
        ),
        _fact(
            "gross_monthly_income",
            "money",
            "applicant's own gross monthly income (without holiday allowance)",
            "eigen bruto maandinkomen van de aanvrager (zonder vakantiegeld)",
            "partner",
        ),
        # Asylum: the caseworker's own assessments, recorded as they are made
        _fact(
            "identity_established",
            "bool",
            "whether identity and nationality are established",
            "of identiteit en nationaliteit zijn vastgesteld",
            "caseworker",
        ),
        _fact(
            "account_credible",
            "bool",
            "whether the account is credible",
            "of het asielrelaas geloofwaardig is",
            "caseworker",
        ),
        _fact(
            "protection_need",
            "choice",
            "the protection need",
            "de beschermingsbehoefte",
            "caseworker",
            choices=("refugee", "subsidiary-protection", "none"),
        ),
        # Identity and address
        _fact(
            "travel_document_number",
            "text",
            "travel document number",
            "nummer van het reisdocument",
            "applicant",
        ),
        _fact("residential_address", "address", "residential address", "woonadres", "partner"),
        _fact(
            "sponsor_kvk_number",
            "text",
            "Chamber of Commerce (KvK) number of the sponsor",
            "KvK-nummer van de referent",
            "sponsor",
        ),
    ]
)
