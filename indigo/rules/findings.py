"""What evaluating a condition says, and why ("yes, provided no contra-indications")."""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Outcome(StrEnum):
    MET = "met"
    CONTRA_INDICATION = "contra-indication"  # a reason not to grant, to be weighed
    NOT_MET = "not-met"  # a legal condition is clearly not fulfilled
    MISSING = "missing-information"  # ask the applicant (suspends), never refuse on it
    JUDGEMENT = "needs-judgement"  # the caseworker decides

    @property
    def label(self) -> str:
        return str(OUTCOME_LABELS[self])


OUTCOME_LABELS = {
    Outcome.MET: _("Met"),
    Outcome.CONTRA_INDICATION: _("Contra-indication"),
    Outcome.NOT_MET: _("Not met"),
    Outcome.MISSING: _("Information missing"),
    Outcome.JUDGEMENT: _("Needs your judgement"),
}


@dataclass(frozen=True)
class FactUse:
    """A fact a finding used: its value and where it came from."""

    name: str
    value: object
    # "<kind>" or "<kind>: <detail>"; kind is applicant, sponsor, partner, caseworker,
    # parameter or application; the detail says more ("partner: BRP"; for a parameter its
    # valid_from and cited source).
    source: str

    @property
    def kind(self) -> str:
        return self.source.partition(":")[0].strip()


@dataclass(frozen=True)
class Finding:
    condition: str  # stable code, e.g. "salary-threshold"
    outcome: Outcome
    legal_basis: str
    explanation_en: str
    explanation_nl: str
    facts: tuple[FactUse, ...] = field(default_factory=tuple)
    missing: tuple[str, ...] = ()  # fact names to ask for, with MISSING
    # The applicant's voice: what the letter says, in the second person, naming the
    # numbers ("Uw inkomen is € 2.100 per maand. U heeft minimaal € 2.294,40 nodig.").
    # Empty: the letter says only whether the condition is met. The explanations above
    # are the caseworker's voice and never go in a letter.
    letter_en: str = ""
    letter_nl: str = ""
    # The applicant-facing citation of `legal_basis` (the internal note).
    citation_en: str = ""
    citation_nl: str = ""

    def explanation(self, language: str) -> str:
        return self.explanation_nl if language.startswith("nl") else self.explanation_en
