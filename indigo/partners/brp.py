"""The population register (BRP) through Haal Centraal "BRP Personen Bevragen" (v2).

`POST {INDIGO_BRP_URL}/personen` with a JSON body: the query type
`RaadpleegMetBurgerservicenummer`, the BSN(s) and the `fields` wanted (full dot paths;
a date or coded value comes whole). The answer is `{type, personen: [...]}` with dates
as `{type: "Datum", datum: "YYYY-MM-DD", …}` and coded values as `{code,
omschrijving}` (see ../shared/reference/standards.md section 4).

For family reunification Indigo asks about the sponsor (the family member in the
Netherlands, whose BSN the applicant gives): the date of birth, and whether a marriage
or registered partnership is registered. Both the real client and the simulator go
through `brp_read`, so the simulator cannot drift from what the real answer must look
like.
"""

import hashlib
from datetime import date

from django.conf import settings

from indigo.partners.adapters import (
    Answer,
    PartnerAdapter,
    PartnerAnswerInvalid,
    raise_simulated_fault,
    simulator_fault,
)
from indigo.partners.bsn import bsn_valid
from indigo.partners.http import post_json
from indigo.partners.selectors import latest_fact_value

FAMILY_PRODUCTS = frozenset({"family-partner", "family-child"})
QUERY_TYPE = "RaadpleegMetBurgerservicenummer"
FIELDS = [
    "burgerservicenummer",
    "geboorte.datum",
    "partners.burgerservicenummer",
    "partners.soortVerbintenis",
    "kinderen.burgerservicenummer",
    "kinderen.geboorte.datum",
    "verblijfplaats.verblijfadres",
]
# Marriage (H, huwelijk) and registered partnership (P, geregistreerd partnerschap).
REGISTERED_UNIONS = frozenset({"H", "P"})
SOURCE = "BRP (Haal Centraal BRP Personen Bevragen)"


def brp_request(bsn: str) -> dict:
    return {"type": QUERY_TYPE, "burgerservicenummer": [bsn], "fields": FIELDS}


def _object(value, path: str) -> dict:
    if not isinstance(value, dict):
        raise PartnerAnswerInvalid(f"BRP answer: {path} is not an object")
    return value


def _list(value, path: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PartnerAnswerInvalid(f"BRP answer: {path} is not a list")
    return value


def _date(value, path: str) -> date | None:
    """A BRP date object; None when the date is (partly) unknown."""
    value = _object(value, path)
    if value.get("type") != "Datum":
        if value.get("type") in {"DatumOnbekend", "JaarDatum", "JaarMaandDatum"}:
            return None
        raise PartnerAnswerInvalid(f"BRP answer: {path}.type is {value.get('type')!r}")
    try:
        return date.fromisoformat(value["datum"])
    except (KeyError, TypeError, ValueError):
        raise PartnerAnswerInvalid(f"BRP answer: {path}.datum is not a date") from None


def brp_read(body, *, bsn: str) -> Answer:
    """The facts in a Haal Centraal answer about the sponsor; PartnerAnswerInvalid when
    it does not fit the schema. An answer without the person fills nothing."""
    body = _object(body, "the answer")
    if body.get("type") != QUERY_TYPE:
        raise PartnerAnswerInvalid(f"BRP answer: type is {body.get('type')!r}, not {QUERY_TYPE}")
    people = _list(body.get("personen"), "personen")
    for index, person in enumerate(people):
        _object(person, f"personen[{index}]")
    person = next((p for p in people if p.get("burgerservicenummer") == bsn), None)
    if person is None:
        return Answer(facts={}, source_detail=SOURCE)
    facts = {}
    if "geboorte" in person:
        born = _date(_object(person["geboorte"], "geboorte").get("datum"), "geboorte.datum")
        if born is not None:
            facts["sponsor_date_of_birth"] = born.isoformat()
    for index, partner in enumerate(_list(person.get("partners"), "partners")):
        union = _object(_object(partner, f"partners[{index}]").get("soortVerbintenis"), "soort")
        if union.get("code") in REGISTERED_UNIONS:
            facts["relationship_registered"] = True
    return Answer(facts=facts, source_detail=SOURCE)


class Brp(PartnerAdapter):
    name = "brp"
    label = "BRP"
    facts = ("sponsor_date_of_birth",)
    products = FAMILY_PRODUCTS
    confirms = ("relationship_registered",)

    def subject_for(self, application) -> dict | None:
        if application.product.code not in FAMILY_PRODUCTS:
            return None
        bsn = latest_fact_value(application=application, name="sponsor_bsn")
        return {"bsn": bsn} if bsn and bsn_valid(bsn) else None


class HaalCentraalBrp(Brp):
    """The real client (`INDIGO_BRP_URL`, e.g. …/haalcentraal/api/brp)."""

    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        headers = {}
        if settings.INDIGO_BRP_API_KEY:
            headers["X-API-KEY"] = settings.INDIGO_BRP_API_KEY
        body = post_json(
            url=settings.INDIGO_BRP_URL.rstrip("/") + "/personen",
            body=brp_request(subject["bsn"]),
            request_id=request_id,
            headers=headers,
        )
        return brp_read(body, bsn=subject["bsn"])


class BrpSimulator(Brp):
    """A BRP of made-up people: every valid BSN is someone, derived from the number."""

    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        fault = simulator_fault(self.name)
        raise_simulated_fault(self.name, fault)
        body = simulated_answer(brp_request(subject["bsn"]))
        if fault == "schema":
            body = {"type": QUERY_TYPE, "personen": {"burgerservicenummer": subject["bsn"]}}
        return brp_read(body, bsn=subject["bsn"])


def simulated_person(bsn: str) -> dict:
    """A synthetic person in Haal Centraal's shape (no real data)."""
    seed = int(hashlib.sha256(bsn.encode()).hexdigest(), 16)
    born = date(1970 + seed % 30, 1 + seed // 7 % 12, 1 + seed // 11 % 28)
    person = {
        "burgerservicenummer": bsn,
        "geboorte": {
            "datum": {"type": "Datum", "datum": born.isoformat(), "langFormaat": ""},
        },
        "verblijfplaats": {
            "type": "Adres",
            "verblijfadres": {
                "officieleStraatnaam": "Voorbeeldstraat",
                "huisnummer": 1 + seed // 13 % 200,
                "postcode": f"{1000 + seed // 17 % 8999} AB",
                "woonplaats": "Zwolle",
            },
        },
        "partners": [],
        "kinderen": [],
    }
    # Two in three sponsors have a registered marriage (made-up, for the demo).
    if seed % 3:
        person["partners"].append({"soortVerbintenis": {"code": "H", "omschrijving": "huwelijk"}})
    return person


def simulated_answer(request: dict) -> dict:
    return {
        "type": request["type"],
        "personen": [simulated_person(bsn) for bsn in request["burgerservicenummer"]],
    }
