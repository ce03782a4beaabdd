"""Partner adapters: one interface per partner agency, the class named in settings.

Like Django's authentication backends, each partner is a class path in
`settings.INDIGO_PARTNERS` (name -> class). Each partner has a real HTTP client and a
simulator that speaks the same shape and goes through the same reading of the answer,
so the demo and the tests run without a network and a real endpoint is one setting
away (`INDIGO_BRP_URL`, `INDIGO_INCOME_URL`, …; without one, the simulator is used).

An adapter says which facts it can fill (`facts`), for which application it has
something to ask and about whom (`subject_for`), and asks (`ask`). `ask` raises
`PartnerDown` (unreachable or a 5xx), `PartnerTimeout` (no answer in time) or
`PartnerAnswerInvalid` (the answer does not fit the agreed schema); the call then
waits and the worker tries again with back-off.
"""

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


class PartnerError(Exception):
    """The partner gave no usable answer this time; try again later."""

    outcome = "down"


class PartnerDown(PartnerError):
    outcome = "down"


class PartnerTimeout(PartnerError):
    outcome = "timeout"


class PartnerAnswerInvalid(PartnerError):
    outcome = "invalid"


@dataclass(frozen=True)
class Answer:
    """What a partner said, as facts of the rules vocabulary (name -> value)."""

    facts: dict = field(default_factory=dict)
    # Recorded with each fact: which register, e.g. "BRP (Haal Centraal)".
    source_detail: str = ""


class PartnerAdapter:
    """The interface every partner adapter implements."""

    #: The key in settings.INDIGO_PARTNERS, e.g. "brp".
    name = ""
    #: Shown to caseworkers and managers, e.g. "BRP (Haal Centraal)".
    label = ""
    #: The facts an answer fills (the portal does not ask for these).
    facts: tuple[str, ...] = ()
    #: Facts an answer may fill when the partner has them, which the applicant is still
    #: asked (e.g. a marriage abroad is not always in the BRP).
    confirms: tuple[str, ...] = ()
    #: Document types the portal no longer asks for, because this partner supplies them.
    documents: tuple[str, ...] = ()
    #: The products it supplies for; None: any product.
    products: frozenset[str] | None = None

    def supplies_for(self, product_code: str | None) -> bool:
        return product_code is None or self.products is None or product_code in self.products

    def subject_for(self, application) -> dict | None:
        """What to ask about for this application (e.g. {"bsn": …}); None: nothing."""
        return None

    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        raise NotImplementedError


def simulator_fault(name: str) -> str:
    """The fault a simulator is told to show: "", "down", "timeout" or "schema"
    (`settings.INDIGO_PARTNER_FAULTS`, so tests and a demo can drive it)."""
    return (getattr(settings, "INDIGO_PARTNER_FAULTS", {}) or {}).get(name, "")


def raise_simulated_fault(name: str, fault: str) -> None:
    if fault == "down":
        raise PartnerDown(f"{name}: connection refused (simulated outage)")
    if fault == "timeout":
        raise PartnerTimeout(f"{name}: no answer within the time-out (simulated)")


@cache
def _adapter(path: str) -> PartnerAdapter:
    return import_string(path)()


def adapter_for(name: str) -> PartnerAdapter:
    try:
        path = settings.INDIGO_PARTNERS[name]
    except KeyError:
        raise LookupError(f"No partner adapter is configured as {name!r}.") from None
    return _adapter(path)


def adapters() -> list[PartnerAdapter]:
    return [adapter_for(name) for name in settings.INDIGO_PARTNERS]


def supplied_facts(product_code: str | None = None) -> frozenset[str]:
    """Facts some configured partner fills for the product: nobody asks the applicant."""
    return frozenset(name for a in adapters() if a.supplies_for(product_code) for name in a.facts)


def supplied_documents(product_code: str | None = None) -> frozenset[str]:
    """Documents some configured partner supplies for the product: not asked for."""
    return frozenset(
        code for a in adapters() if a.supplies_for(product_code) for code in a.documents
    )
