"""Income: employer wage data from UWV's policy administration (polisadministratie)
and the Tax Administration's yearly income, through one gateway.

There is no public standard API for this exchange. Indigo assumes a gateway that
answers `POST {INDIGO_INCOME_URL}/inkomens` with `{"burgerservicenummer", "peildatum"}`
by:

    {"burgerservicenummer": "…",
     "inkomstenverhoudingen": [          # from the polisadministratie (UWV)
        {"werkgever": "…", "begindatum": "YYYY-MM-DD", "einddatum": "YYYY-MM-DD"|null,
         "brutoMaandloon": "2500.00"}],
     "fiscaalJaarinkomen": {"jaar": 2025, "bedrag": "30000.00"}}   # Tax Administration

The sponsor's gross monthly income is the sum of the wages of the employments that run
on the reference date; how long it lasts is counted to the first end date among them.
An open-ended employment lasts as long as the law asks (the parameter
`family-income-minimum-months` of that date), which is all the rule compares.
"""

import hashlib
from datetime import date
from decimal import Decimal, InvalidOperation

from dateutil.relativedelta import relativedelta
from django.conf import settings

from indigo.partners.adapters import (
    Answer,
    PartnerAdapter,
    PartnerAnswerInvalid,
    raise_simulated_fault,
    simulator_fault,
)
from indigo.partners.brp import FAMILY_PRODUCTS
from indigo.partners.bsn import bsn_valid
from indigo.partners.http import post_json
from indigo.partners.selectors import latest_fact_value
from indigo.rules.selectors import parameter_in_force

SOURCE = "UWV polisadministratie and Belastingdienst"
DURATION_NORM = "family-income-minimum-months"


def income_request(*, bsn: str, on: date) -> dict:
    return {"burgerservicenummer": bsn, "peildatum": on.isoformat()}


def _day(value, path: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise PartnerAnswerInvalid(f"Income answer: {path} is not a date") from None


def income_read(body, *, bsn: str, on: date) -> Answer:
    if not isinstance(body, dict) or body.get("burgerservicenummer") != bsn:
        raise PartnerAnswerInvalid("Income answer: not about the person asked for")
    relations = body.get("inkomstenverhoudingen")
    if not isinstance(relations, list):
        raise PartnerAnswerInvalid("Income answer: inkomstenverhoudingen is not a list")
    total = Decimal("0.00")
    ends: list[date] = []
    current = 0
    for index, relation in enumerate(relations):
        path = f"inkomstenverhoudingen[{index}]"
        if not isinstance(relation, dict):
            raise PartnerAnswerInvalid(f"Income answer: {path} is not an object")
        start = _day(relation.get("begindatum"), f"{path}.begindatum")
        end = _day(relation.get("einddatum"), f"{path}.einddatum")
        try:
            wage = Decimal(str(relation["brutoMaandloon"]))
        except (KeyError, InvalidOperation):
            raise PartnerAnswerInvalid(f"Income answer: {path}.brutoMaandloon") from None
        if not wage.is_finite() or wage < 0:
            raise PartnerAnswerInvalid(f"Income answer: {path}.brutoMaandloon is negative")
        if start is None or start > on or (end is not None and end < on):
            continue
        current += 1
        total += wage
        if end is not None:
            ends.append(end)
    facts = {"sponsor_gross_monthly_income": str(total.quantize(Decimal("0.01")))}
    if current:
        if ends:
            first_end = min(ends)
            months = relativedelta(first_end, on)
            facts["income_duration_months"] = max(months.years * 12 + months.months, 0)
        else:
            norm = parameter_in_force(key=DURATION_NORM, on=on)
            if norm is not None and norm.value is not None:
                facts["income_duration_months"] = int(norm.value)
    return Answer(facts=facts, source_detail=SOURCE)


class Income(PartnerAdapter):
    name = "income"
    label = "UWV / Belastingdienst"
    facts = ("sponsor_gross_monthly_income", "income_duration_months")
    documents = ("income-statement",)
    products = FAMILY_PRODUCTS

    def subject_for(self, application) -> dict | None:
        if application.product.code not in FAMILY_PRODUCTS:
            return None
        bsn = latest_fact_value(application=application, name="sponsor_bsn")
        if not (bsn and bsn_valid(bsn)):
            return None
        return {"bsn": bsn, "on": application.received_on.isoformat()}


class IncomeClient(Income):
    """The real client (`INDIGO_INCOME_URL`)."""

    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        on = date.fromisoformat(subject["on"])
        body = post_json(
            url=settings.INDIGO_INCOME_URL.rstrip("/") + "/inkomens",
            body=income_request(bsn=subject["bsn"], on=on),
            request_id=request_id,
        )
        return income_read(body, bsn=subject["bsn"], on=on)


class IncomeSimulator(Income):
    """Made-up wages derived from the BSN (the demo and the tests)."""

    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        fault = simulator_fault(self.name)
        raise_simulated_fault(self.name, fault)
        on = date.fromisoformat(subject["on"])
        body = simulated_income(bsn=subject["bsn"], on=on)
        if fault == "schema":
            body["inkomstenverhoudingen"] = {"werkgever": "?"}
        return income_read(body, bsn=subject["bsn"], on=on)


def simulated_income(*, bsn: str, on: date) -> dict:
    seed = int(hashlib.sha256(("income" + bsn).encode()).hexdigest(), 16)
    wage = Decimal(2000 + seed % 25 * 100)
    open_ended = bool(seed % 4)
    return {
        "burgerservicenummer": bsn,
        "inkomstenverhoudingen": [
            {
                "werkgever": "Voorbeeld B.V.",
                "begindatum": (on - relativedelta(years=2)).isoformat(),
                "einddatum": None if open_ended else (on + relativedelta(months=9)).isoformat(),
                "brutoMaandloon": f"{wage:.2f}",
            }
        ],
        "fiscaalJaarinkomen": {"jaar": on.year - 1, "bedrag": f"{wage * 12:.2f}"},
    }
