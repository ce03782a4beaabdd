"""Reads for deciding: the rules' assessment, the open decision, the service norm.

The rules engine (`indigo.rules`) is read through its module, so tests can stand in
for a rule set by patching `indigo.rules.evaluate`.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db.models import OuterRef, Subquery

from indigo import clock
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application
from indigo.deadlines.periods import add_period
from indigo.decisions.models import Decision
from indigo.rules import evaluate
from indigo.rules.findings import Finding, Outcome
from indigo.rules.registry import NoRuleSet, Validity, rule_set_for

GRANT = "grant"
JUDGEMENT = "judgement"
REQUEST_INFORMATION = "request-information"
RECOGNISED_SPONSOR = "recognised-sponsor"


@dataclass(frozen=True)
class Assessment:
    """What the rules say about an application today."""

    findings: list[Finding]
    proposal: str  # grant | judgement | request-information (never a refusal)
    validity: Validity | None
    # The product's rules set a permit validity (naturalisation, for one, has none).
    sets_validity: bool
    has_rule_set: bool = True

    @property
    def all_met(self) -> bool:
        return bool(self.findings) and all(f.outcome is Outcome.MET for f in self.findings)

    @property
    def missing(self) -> list[Finding]:
        return [f for f in self.findings if f.outcome is Outcome.MISSING]


def assessment_of(*, application: Application) -> Assessment:
    try:
        rules = rule_set_for(
            product=application.product.code,
            version_valid_from=application.product_version.valid_from,
        )
    except NoRuleSet:
        # Nothing to propose from: a person weighs the application as a whole.
        return Assessment([], JUDGEMENT, None, sets_validity=False, has_rule_set=False)
    findings = evaluate.application_evaluate(application=application)
    sets_validity = rules.validity is not None
    validity = evaluate.permit_validity(application=application) if sets_validity else None
    return Assessment(
        findings=findings,
        proposal=evaluate.proposal_from(findings) if findings else JUDGEMENT,
        validity=validity,
        sets_validity=sets_validity,
    )


def finding_snapshot(finding: Finding) -> dict:
    """A finding as kept with the decision (JSON)."""
    return {
        "condition": finding.condition,
        "outcome": str(finding.outcome),
        "legal_basis": finding.legal_basis,
        "explanation_en": finding.explanation_en,
        "explanation_nl": finding.explanation_nl,
        "letter_en": finding.letter_en,
        "letter_nl": finding.letter_nl,
        "citation_en": finding.citation_en,
        "citation_nl": finding.citation_nl,
        "facts": [{"name": u.name, "value": u.value, "source": u.source} for u in finding.facts],
        "missing": list(finding.missing),
    }


def decision_open(*, application: Application) -> Decision | None:
    """The decision taken but not yet notified (at most one)."""
    return (
        Decision.objects.filter(
            application=application, notified_on__isnull=True, set_aside_at__isnull=True
        )
        .select_related("decided_by", "approved_by")
        .first()
    )


def decision_shown(*, application: Application) -> Decision | None:
    """The open decision, else the last notified one."""
    return decision_open(application=application) or (
        Decision.objects.filter(application=application, notified_on__isnull=False)
        .select_related("decided_by", "approved_by", "letter")
        .order_by("-notified_on", "-decided_at", "-id")
        .first()
    )


def refused_application_ids(*, application_ids: Collection[int]) -> set[int]:
    """The applications among `application_ids` whose last notified decision refuses
    them (a refusal later reversed on objection no longer counts).

    The provider `indigo.misuse` asks for (setting INDIGO_MISUSE_REFUSED_APPLICATIONS).
    """
    last = (
        Decision.objects.filter(application=OuterRef("application"), notified_on__isnull=False)
        .order_by("-notified_on", "-decided_at", "-id")
        .values("pk")[:1]
    )
    return set(
        Decision.objects.filter(
            application_id__in=application_ids,
            notified_on__isnull=False,
            outcome=Decision.Outcome.REFUSE,
            pk=Subquery(last),
        ).values_list("application_id", flat=True)
    )


class ServiceNorm(NamedTuple):
    """The customer group's service promise (not the statutory decision period).

    `met`: True when notified by `due`, False when notified later or still open after
    it, None while it can still be kept (or the application ended undecided). `days`:
    days from receipt to notification, or so far.
    """

    due: date
    met: bool | None
    days: int

    @property
    def days_left(self) -> int:
        return (self.due - clock.today()).days


def service_norm_of(application: Application) -> ServiceNorm | None:
    """When the customer group's norm throughput time ends (None: no customer group).

    A service norm is a promise, not a statutory period: the Algemene termijnenwet
    does not move it.
    """
    group = application.customer_group
    if group is None:
        return None
    today = clock.today()
    due = add_period(application.received_on, group.norm)
    if application.notified_on is not None:
        done = application.notified_on
        return ServiceNorm(due, done <= due, (done - application.received_on).days)
    days = (today - application.received_on).days
    if application.status in ACTIVE and today > due:
        return ServiceNorm(due, False, days)
    return ServiceNorm(due, None, days)


def letters_of(*, application_ids: Collection[int]) -> list[Decision]:
    """The notified decisions with their letter, of these applications, newest first."""
    return list(
        Decision.objects.filter(
            application_id__in=list(application_ids),
            notified_on__isnull=False,
            letter__isnull=False,
        )
        .select_related("letter", "application")
        .order_by("-notified_on", "-id")
    )
