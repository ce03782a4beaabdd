"""Evaluating an application: the findings of its product's rule set."""

from indigo.cases.models import Application
from indigo.rules.context import RuleContext
from indigo.rules.findings import Finding, Outcome
from indigo.rules.registry import Validity, rule_set_for


def application_evaluate(*, application: Application) -> list[Finding]:
    ctx = RuleContext(application)
    rules = rule_set_for(
        product=application.product.code,
        version_valid_from=application.product_version.valid_from,
    )
    return rules.conditions(ctx)


def permit_validity(*, application: Application) -> Validity | None:
    ctx = RuleContext(application)
    rules = rule_set_for(
        product=application.product.code,
        version_valid_from=application.product_version.valid_from,
    )
    return rules.validity(ctx) if rules.validity else None


def proposal_from(findings: list[Finding]) -> str:
    """ "Yes, provided there are no contra-indications" (ja, mits)."""
    outcomes = {f.outcome for f in findings}
    if Outcome.MISSING in outcomes:
        return "request-information"
    if outcomes <= {Outcome.MET}:
        return "grant"
    return "judgement"  # a person weighs contra-indications; never a system refusal
