"""Findings and proposals in words, for the caseworker's screen and the letter.

Both read the same snapshot shape (`selectors.finding_snapshot`), so the letter says
what the caseworker saw when deciding.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from indigo.rules.findings import OUTCOME_LABELS, Outcome
from indigo.rules.models import Fact
from indigo.rules.vocabulary import FACT_NAMES

PROPOSAL_LABELS = {
    "grant": gettext_lazy("Grant: every condition is met"),
    "judgement": gettext_lazy("Your judgement is needed: weigh the findings"),
    "request-information": gettext_lazy("Ask for the missing information first"),
}

# Conditions of the shipped rule sets; an unknown code is shown as it is. A context
# keeps them apart from the same words elsewhere ("Age" of an application).
CONDITION_LABELS = {
    "age": pgettext_lazy("rule condition", "Age"),
    "civic-integration": pgettext_lazy("rule condition", "Civic integration"),
    "contract-duration": pgettext_lazy("rule condition", "Duration of the employment contract"),
    "credibility": pgettext_lazy("rule condition", "Credibility of the account"),
    "family-tie": pgettext_lazy("rule condition", "Family tie"),
    "higher-qualification": pgettext_lazy("rule condition", "Higher professional qualification"),
    "identity-established": pgettext_lazy("rule condition", "Identity and nationality"),
    "labour-market-advice": pgettext_lazy("rule condition", "Advice on the labour market (UWV)"),
    "minimum-wage": pgettext_lazy("rule condition", "Minimum wage"),
    "programme-admission": pgettext_lazy("rule condition", "Admission to the programme"),
    "protection-need": pgettext_lazy("rule condition", "Need for protection"),
    "public-order": pgettext_lazy("rule condition", "Public order"),
    "recognised-sponsor": pgettext_lazy("rule condition", "Recognised sponsor"),
    "relationship": pgettext_lazy("rule condition", "Relationship"),
    "residence-years": pgettext_lazy("rule condition", "Years of legal residence"),
    "salary-threshold": pgettext_lazy("rule condition", "Salary threshold"),
    "sponsor-income": pgettext_lazy("rule condition", "Income of the sponsor"),
    "sponsor-statement": pgettext_lazy("rule condition", "Statement of the sponsor"),
    "sufficient-income": pgettext_lazy("rule condition", "Sufficient income"),
    "sufficient-means": pgettext_lazy("rule condition", "Sufficient means of support"),
}


@dataclass(frozen=True)
class FactLine:
    label: str
    value: str
    source: str


@dataclass(frozen=True)
class FindingLine:
    condition: str
    label: str
    outcome: str
    outcome_label: str
    explanation: str
    legal_basis: str
    facts: list[FactLine]
    missing: list[str]

    @property
    def is_met(self) -> bool:
        return self.outcome == Outcome.MET

    @property
    def badge(self) -> str:
        """The badge colour (indigo.css); the label always names the outcome."""
        return _BADGES.get(self.outcome, "neutral")


_BADGES = {
    Outcome.MET: "success",
    Outcome.MISSING: "warning",
    Outcome.JUDGEMENT: "accent",
    Outcome.CONTRA_INDICATION: "warning",
    Outcome.NOT_MET: "danger",
}


def condition_label(code: str) -> str:
    label = CONDITION_LABELS.get(code)
    return str(label) if label else code


def proposal_label(proposal: str) -> str:
    label = PROPOSAL_LABELS.get(proposal)
    return str(label) if label else proposal


def fact_label(name: str, *, language: str) -> str:
    declared = FACT_NAMES.get(name)
    return declared.label(language) if declared else name


def _value(value) -> str:
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)


def _source(source: str) -> str:
    kind, _sep, detail = source.partition(":")
    words = {
        "parameter": _("rule parameter"),
        "application": _("the application"),
        **{value: str(label) for value, label in Fact.Source.choices},
    }
    said = words.get(kind.strip(), kind.strip())
    return f"{said}: {detail.strip()}" if detail.strip() else said


def finding_lines(snapshots: list[dict], *, language: str) -> list[FindingLine]:
    """The findings in the active language (labels) and in `language` (explanations)."""
    lines = []
    for item in snapshots:
        outcome = item["outcome"]
        label = OUTCOME_LABELS.get(outcome)  # StrEnum keys: the code finds its label
        explanation = item["explanation_nl" if language.startswith("nl") else "explanation_en"]
        lines.append(
            FindingLine(
                condition=item["condition"],
                label=condition_label(item["condition"]),
                outcome=outcome,
                outcome_label=str(label) if label else outcome,
                explanation=explanation,
                legal_basis=item.get("citation_nl" if language.startswith("nl") else "citation_en")
                or "",
                facts=[
                    FactLine(
                        label=fact_label(f["name"], language=language),
                        value=_value(f["value"]),
                        source=_source(f["source"]),
                    )
                    for f in item.get("facts", [])
                ],
                missing=[fact_label(n, language=language) for n in item.get("missing", [])],
            )
        )
    return lines
