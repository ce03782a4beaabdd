"""Remedies (rechtsmiddelen): what a person can do against a decision, and until when.

Law is data (``data/remedies.yaml``): per product and outcome, dated by ``valid_from``,
the kind (objection to the IND — bezwaar; appeal to the court — beroep), the period,
where to send it, whether the person may wait in the Netherlands and how to ask for
provisional relief (voorlopige voorziening). Each remedy carries an applicant-facing
``citation`` (Dutch and English) apart from its internal ``source`` note; letters, the
portal and the API show the citation only.

``remedy_for(application_or_version, outcome, *, on)`` is the one way to ask; the
last day is ``Remedy.last_day(notified_on=…)``: counted from the day after the
notification (Awb 6:8) and moved by the Algemene termijnenwet.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from indigo.deadlines.periods import Period, PeriodUnit, add_period
from indigo.deadlines.termijnenwet import apply_atw
from indigo.lawdata.loader import LawDataError, Reader, SourcedPeriod

DEFAULT_REMEDIES_PATH = Path(__file__).resolve().parent / "data" / "remedies.yaml"

OBJECTION = "objection"
APPEAL = "appeal"
# The outcomes of a decision (decisions.Decision.Outcome values) and the decision on an
# objection; every product needs a remedy for each (on-objection may be null).
OUTCOMES = ("grant", "grant-differently", "refuse")
ON_OBJECTION = "on-objection"
ALL_OUTCOMES = (*OUTCOMES, ON_OBJECTION)

REMEDY_KEYS = {
    "kind",
    "to",
    "address",
    "period",
    "citation",
    "source",
    "await",
    "provisional_measure",
}


@dataclass(frozen=True)
class Words:
    """The same words in Dutch and English."""

    nl: str
    en: str

    def __call__(self, language: str) -> str:
        return self.nl if (language or "en").startswith("nl") else self.en


@dataclass(frozen=True)
class Remedy:
    product: str
    outcome: str
    valid_from: date
    kind: str  # OBJECTION or APPEAL
    to: Words
    address: Words
    period: Period
    citation: Words  # for the applicant
    source: str  # internal: never shown to the applicant
    awaiting: Words
    provisional_measure: Words
    procedure: str = ""  # e.g. "general" for asylum, when the period depends on it

    @property
    def is_objection(self) -> bool:
        return self.kind == OBJECTION

    def last_day(self, *, notified_on: date) -> date:
        """The last day to lodge it: from the day after notification (Awb 6:8), moved off
        weekends and holidays (Algemene termijnenwet)."""
        return apply_atw(notified_on, add_period(notified_on, self.period))


@dataclass(frozen=True)
class _RemedySpec:
    kind: str
    to: Words
    address: Words
    period: SourcedPeriod
    procedures: dict[str, SourcedPeriod]
    citation: Words
    source: str
    awaiting: Words
    provisional_measure: Words


@dataclass(frozen=True)
class _VersionSpec:
    valid_from: date
    outcomes: dict[str, _RemedySpec | None]


ALWAYS = "always"
INFORMATION_NOT_PROVIDED = "information-not-provided"


@dataclass(frozen=True)
class _IntentionSpec:
    valid_from: date
    required: str
    period: SourcedPeriod
    procedures: dict[str, SourcedPeriod]
    citation: Words


@dataclass(frozen=True)
class IntentionRule:
    """When an intended refusal (voornemen) is required, and the period for the written
    view (zienswijze)."""

    product: str
    valid_from: date
    required: str  # ALWAYS or INFORMATION_NOT_PROVIDED
    period: Period
    citation: Words
    procedure: str = ""

    def view_due(self, *, sent_on: date) -> date:
        return apply_atw(sent_on, add_period(sent_on, self.period))


@dataclass(frozen=True)
class RemediesSpec:
    by_product: dict[str, list[_VersionSpec]]
    intentions: dict[str, list[_IntentionSpec]] = None

    def products(self) -> set[str]:
        return set(self.by_product)


class RemediesReader(Reader):
    def parse(self, data) -> RemediesSpec:
        where = "remedies file"
        optional = {"shared", "intentions"}
        if self.mapping(data, where, required={"remedies"}, optional=optional) is None:
            return RemediesSpec({}, {})
        by_product: dict[str, list[_VersionSpec]] = {}
        for index, raw in enumerate(self.items(data, "remedies", where), start=1):
            entry_where = f"remedies #{index}"
            if self.mapping(raw, entry_where, required={"products", "versions"}) is None:
                continue
            products = [p for p in self.items(raw, "products", entry_where) if isinstance(p, str)]
            if products:
                entry_where = f"remedies for {', '.join(products)}"
            versions = self.versions(
                raw, "versions", entry_where, lambda v, i, w=entry_where: self.version(v, w, i)
            )
            for code in products:
                if code in by_product:
                    self.error(f"product '{code}'", "remedies", "listed more than once")
                by_product[code] = versions
        return RemediesSpec(by_product, self.intentions(data))

    def intentions(self, data) -> dict[str, list[_IntentionSpec]]:
        by_product: dict[str, list[_IntentionSpec]] = {}
        for index, raw in enumerate(self.items(data, "intentions", "remedies file"), start=1):
            where = f"intentions #{index}"
            if self.mapping(raw, where, required={"products", "versions"}) is None:
                continue
            products = [p for p in self.items(raw, "products", where) if isinstance(p, str)]
            where = f"intentions for {', '.join(products)}" if products else where
            versions = self.versions(
                raw, "versions", where, lambda v, i, w=where: self.intention(v, w, i)
            )
            for code in products:
                if code in by_product:
                    self.error(f"product '{code}'", "intentions", "listed more than once")
                by_product[code] = versions
        return by_product

    def intention(self, raw, series_where: str, index: int) -> _IntentionSpec | None:
        valid_from, where = self.version_where(raw, series_where, index)
        keys = {"valid_from", "required", "period", "citation"}
        if self.mapping(raw, where, required=keys, optional={"procedures"}) is None:
            return None
        before = len(self.errors)
        required = self.choice(raw, "required", where, allowed=[ALWAYS, INFORMATION_NOT_PROVIDED])
        period = self.period(raw, "period", where)
        procedures = self.procedures(raw, where, "")
        citation = self.words(raw, "citation", where, "")
        if len(self.errors) > before or valid_from is None or period is None:
            return None
        return _IntentionSpec(valid_from, required, period, procedures, citation)

    def procedures(self, raw: dict, where: str, field: str) -> dict[str, SourcedPeriod]:
        procedures = {}
        if raw.get("procedures") is not None:
            at = f"{field}.procedures" if field else "procedures"
            table = raw["procedures"]
            if not isinstance(table, dict) or not table:
                self.error(where, at, "must be a mapping of procedures")
                table = {}
            for code in table:
                found = self.period(table, code, where, at)
                if found:
                    procedures[code] = found
        return procedures

    def version(self, raw, series_where: str, index: int) -> _VersionSpec | None:
        valid_from, where = self.version_where(raw, series_where, index)
        if self.mapping(raw, where, required={"valid_from", "outcomes"}) is None:
            return None
        outcomes_raw = self.mapping(raw["outcomes"], where, "outcomes", required=set(ALL_OUTCOMES))
        if outcomes_raw is None or valid_from is None:
            return None
        outcomes = {}
        for outcome in ALL_OUTCOMES:
            value = outcomes_raw.get(outcome)
            if value is None and outcome == ON_OBJECTION and outcome in outcomes_raw:
                outcomes[outcome] = None  # no objection phase: no decision on objection
                continue
            if outcome in outcomes_raw:
                outcomes[outcome] = self.remedy(value, where, f"outcomes.{outcome}")
        return _VersionSpec(valid_from, outcomes)

    def words(self, raw: dict, key: str, where: str, field: str) -> Words:
        at = f"{field}.{key}" if field else key
        value = self.mapping(raw.get(key), where, at, required={"nl", "en"})
        if value is None:
            return Words("", "")
        return Words(self.text(value, "nl", where, at), self.text(value, "en", where, at))

    def remedy(self, raw, where: str, field: str) -> _RemedySpec | None:
        if self.mapping(raw, where, field, required=REMEDY_KEYS, optional={"procedures"}) is None:
            return None
        before = len(self.errors)
        kind = self.choice(raw, "kind", where, field, allowed=[OBJECTION, APPEAL])
        period = self.period(raw, "period", where, field)
        procedures = self.procedures(raw, where, field)
        spec = _RemedySpec(
            kind=kind,
            to=self.words(raw, "to", where, field),
            address=self.words(raw, "address", where, field),
            period=period,
            procedures=procedures,
            citation=self.words(raw, "citation", where, field),
            source=self.text(raw, "source", where, field),
            awaiting=self.words(raw, "await", where, field),
            provisional_measure=self.words(raw, "provisional_measure", where, field),
        )
        return None if len(self.errors) > before or period is None else spec


def remedies_read(*, path: Path | None = None) -> RemediesSpec:
    """Read and validate the remedies file; LawDataError naming entry and field."""
    return RemediesReader().read(path or DEFAULT_REMEDIES_PATH)


@cache
def _shipped() -> RemediesSpec:
    return remedies_read()


def remedies_missing(*, product_codes, spec: RemediesSpec | None = None) -> list[str]:
    """Messages for each product that has no remedy (by product and field)."""
    spec = spec or _shipped()
    return [
        f"product '{code}': remedies: missing (add it to the remedies file for every "
        f"outcome: {', '.join(ALL_OUTCOMES)})"
        for code in sorted(set(product_codes) - spec.products())
    ]


class NoRemedy(LookupError):
    """No remedy is in force for that product, outcome and date."""


def _procedure_of(application) -> str:
    return getattr(application, "asylum_procedure", "") or ""


def remedy_for(application_or_version, outcome: str, *, on: date) -> Remedy:
    """The remedy against a decision with ``outcome`` on an application (or for a product
    version), under the law in force ``on`` (the day the decision is notified).

    ``outcome``: "grant", "grant-differently", "refuse", or "on-objection" (the decision
    on an objection). Given an application in its objection phase, a decision's outcome
    is answered with the remedy against a decision on objection. Raises NoRemedy when
    the data has none (e.g. "on-objection" in asylum, which has no objection phase).
    """
    version = getattr(application_or_version, "product_version", application_or_version)
    application = application_or_version if version is not application_or_version else None
    if (
        application is not None
        and getattr(application, "objection_period_ends", None) is not None
        and outcome in OUTCOMES
    ):
        outcome = ON_OBJECTION
    product = version.product.code
    versions = _shipped().by_product.get(product)
    if not versions:
        raise NoRemedy(f"product '{product}' has no remedies")
    in_force = [v for v in versions if v.valid_from <= on]
    if not in_force:
        raise NoRemedy(f"product '{product}': no remedies in force on {on}")
    current = in_force[-1]
    spec = current.outcomes.get(outcome)
    if spec is None:
        raise NoRemedy(f"product '{product}': no remedy for outcome '{outcome}' on {on}")
    period, procedure = spec.period, ""
    if spec.procedures:
        wanted = _procedure_of(application) if application is not None else ""
        procedure = wanted if wanted in spec.procedures else next(iter(spec.procedures))
        period = spec.procedures[procedure]
    return Remedy(
        product=product,
        outcome=outcome,
        valid_from=current.valid_from,
        kind=spec.kind,
        to=spec.to,
        address=spec.address,
        period=Period(period.value, PeriodUnit(period.unit)),
        citation=spec.citation,
        source=f"{spec.source} Period: {period.source}",
        awaiting=spec.awaiting,
        provisional_measure=spec.provisional_measure,
        procedure=procedure,
    )


def intention_rule_for(application_or_version, *, on: date) -> IntentionRule | None:
    """When the law requires an intended refusal before refusing, and its period for
    the written view; None when no intention is ever required for the product."""
    version = getattr(application_or_version, "product_version", application_or_version)
    application = application_or_version if version is not application_or_version else None
    product = version.product.code
    in_force = [v for v in (_shipped().intentions or {}).get(product, []) if v.valid_from <= on]
    if not in_force:
        return None
    spec = in_force[-1]
    period, procedure = spec.period, ""
    if spec.procedures:
        wanted = _procedure_of(application) if application is not None else ""
        procedure = wanted if wanted in spec.procedures else next(iter(spec.procedures))
        period = spec.procedures[procedure]
    return IntentionRule(
        product=product,
        valid_from=spec.valid_from,
        required=spec.required,
        period=Period(period.value, PeriodUnit(period.unit)),
        citation=spec.citation,
        procedure=procedure,
    )


__all__ = [
    "DEFAULT_REMEDIES_PATH",
    "IntentionRule",
    "LawDataError",
    "NoRemedy",
    "Remedy",
    "Words",
    "intention_rule_for",
    "remedies_missing",
    "remedies_read",
    "remedy_for",
]
