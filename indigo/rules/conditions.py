"""Building blocks that product rule sets share.

Each returns one Finding with its explanation in English and Dutch (B1: short
sentences, the numbers named). The outcomes follow "yes, provided there are no
contra-indications" (ja, mits): a fact that is not known yet is MISSING (ask, never
refuse); a norm that is not configured for the date is JUDGEMENT; only a clear failure
of a legal condition is NOT_MET, and the caseworker decides even then.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from indigo.rules.context import ParameterValue, RuleContext
from indigo.rules.findings import FactUse, Finding, Outcome
from indigo.rules.parameter_keys import PARAMETER_KEYS
from indigo.rules.vocabulary import FACT_NAMES
from indigo.rules.wording import capitalised, day_en, day_nl, euro_en, euro_nl


@dataclass(frozen=True)
class Text:
    """The same words in English and Dutch."""

    en: str
    nl: str

    def __add__(self, other: "Text") -> "Text":
        return Text(f"{self.en} {other.en}".strip(), f"{self.nl} {other.nl}".strip())


def finding(
    condition: str,
    outcome: Outcome,
    basis: str,
    text: Text,
    facts: Iterable[FactUse] = (),
    missing: Iterable[str] = (),
    letter: Text | None = None,
) -> Finding:
    """``text``: the caseworker's explanation; ``letter``: the applicant's (second
    person, for the decision letter)."""
    return Finding(
        condition=condition,
        outcome=outcome,
        legal_basis=basis,
        explanation_en=text.en,
        explanation_nl=text.nl,
        facts=tuple(facts),
        missing=tuple(missing),
        letter_en=letter.en if letter else "",
        letter_nl=letter.nl if letter else "",
        citation_en=getattr(basis, "en", ""),
        citation_nl=getattr(basis, "nl", ""),
    )


_ASKED = {
    "applicant": Text(
        "We will ask the applicant for it; the decision period stops until the answer comes.",
        "We vragen dit aan de aanvrager; de beslistermijn staat stil tot het antwoord er is.",
    ),
    "sponsor": Text("We will ask the sponsor for it.", "We vragen dit aan de referent."),
    "partner": Text(
        "We will request it from the agency that holds it.",
        "We vragen dit op bij de instantie die het heeft.",
    ),
    "caseworker": Text(
        "The caseworker records it after checking.", "De medewerker legt dit vast na controle."
    ),
}
NEVER_A_REFUSAL = Text(
    "Missing information is never a reason to refuse.",
    "Ontbrekende informatie is nooit een reden om af te wijzen.",
)


def missing_facts(
    ctx: RuleContext,
    *,
    condition: str,
    basis: str,
    names: Iterable[str],
    facts: Iterable[FactUse] = (),
) -> Finding:
    names = [n for n in names if ctx.fact(n) is None]
    on_the_way = [ctx.waiting[n] for n in names if n in ctx.waiting]
    if on_the_way:
        return waiting_for_partner(
            condition=condition, basis=basis, waiting=on_the_way, facts=facts, names=names
        )
    declared = [FACT_NAMES[n] for n in names]
    text = Text(
        "We do not know yet: " + "; ".join(f.label_en for f in declared) + ".",
        "We weten nog niet: " + "; ".join(f.label_nl for f in declared) + ".",
    )
    for asked_of in dict.fromkeys(f.asked_of for f in declared):
        text += _ASKED[asked_of]
    return finding(condition, Outcome.MISSING, basis, text + NEVER_A_REFUSAL, facts, missing=names)


def waiting_for_partner(
    *,
    condition: str,
    basis: str,
    waiting: list,
    facts: Iterable[FactUse] = (),
    names: Iterable[str] = (),
) -> Finding:
    """A fact is asked of a partner agency that has not answered yet: not the
    applicant's to supply, so the caseworker judges meanwhile (or waits)."""
    labels_en = "; ".join(FACT_NAMES[w.fact].label_en for w in waiting)
    labels_nl = "; ".join(FACT_NAMES[w.fact].label_nl for w in waiting)
    partners = ", ".join(dict.fromkeys(w.partner for w in waiting))
    attempts = max(w.attempts for w in waiting)
    text = Text(
        f"Waiting for a partner agency ({partners}): {labels_en}. Attempts so far: "
        f"{attempts}. The system keeps trying. Until the answer comes, the caseworker "
        "judges this condition.",
        f"Wacht op een partnerinstantie ({partners}): {labels_nl}. Pogingen tot nu toe: "
        f"{attempts}. Het systeem blijft het proberen. Tot het antwoord er is, beoordeelt "
        "de medewerker deze voorwaarde.",
    )
    return finding(condition, Outcome.JUDGEMENT, basis, text, facts, missing=names)


def norm_not_configured(
    ctx: RuleContext, *, condition: str, basis: str, key: str, facts: Iterable[FactUse] = ()
) -> Finding:
    declared = PARAMETER_KEYS[key]
    on = ctx.reference_date
    text = Text(
        f"For {day_en(on)}, {declared.label_en} is not configured in the system. The "
        "caseworker judges this condition. A functional administrator must enter the "
        "figure for this date.",
        f"Voor {day_nl(on)} staat {declared.label_nl} niet in het systeem. De medewerker "
        "beoordeelt deze voorwaarde. Een functioneel beheerder moet het getal voor deze "
        "datum invoeren.",
    )
    return finding(condition, Outcome.JUDGEMENT, basis, text, facts)


@dataclass(frozen=True)
class Measured:
    """A fact and the norm it is compared with, both known."""

    value: object
    norm: ParameterValue
    uses: tuple[FactUse, ...]  # earlier uses, the fact, then the norm


def fact_against_norm(
    ctx: RuleContext,
    *,
    condition: str,
    basis: str,
    fact: str,
    key: str,
    uses: Iterable[FactUse] = (),
) -> Finding | Measured:
    """The start of every "fact compared with a norm" condition: a missing fact (ask the
    applicant) or a norm not configured for the date (judgement) is already the finding."""
    uses = tuple(uses)
    if ctx.fact(fact) is None:
        return missing_facts(ctx, condition=condition, basis=basis, names=[fact], facts=uses)
    uses += (ctx.use(fact),)
    norm = ctx.param(key)
    if norm is None:
        return norm_not_configured(ctx, condition=condition, basis=basis, key=key, facts=uses)
    return Measured(value=ctx.value(fact), norm=norm, uses=(*uses, norm.use()))


def amount_at_least(
    ctx: RuleContext,
    *,
    condition: str,
    basis: str,
    fact: str,
    key: str,
    subject: Text,
    yours: Text | None = None,
    label: Text | None = None,
    intro: Text | None = None,
    below: Outcome = Outcome.NOT_MET,
    uses: Iterable[FactUse] = (),
) -> Finding:
    """A monthly amount (a fact) must be at least a norm (a parameter) on the date.

    `yours` names the amount in the letter, to the applicant ("your salary"; default
    `subject`). `label` names the norm ("the minimum salary for someone of 30 or older"); by
    default the parameter's own label. `intro` goes before the comparison.
    """
    measured = fact_against_norm(
        ctx, condition=condition, basis=basis, fact=fact, key=key, uses=uses
    )
    if isinstance(measured, Finding):
        return measured
    amount: Decimal = measured.value
    norm, uses = measured.norm, measured.uses
    declared = PARAMETER_KEYS[key]
    label = label or Text(declared.label_en, declared.label_nl)
    on = ctx.reference_date
    text = intro or Text("", "")
    text += Text(
        f"{capitalised(subject.en)} is {euro_en(amount)} a month. On {day_en(on)}, "
        f"{label.en} is {euro_en(norm.amount)}.",
        f"{capitalised(subject.nl)} is {euro_nl(amount)} per maand. Op {day_nl(on)} is "
        f"{label.nl} {euro_nl(norm.amount)}.",
    )
    yours = yours or subject
    letter = Text(
        f"{capitalised(yours.en)} is {euro_en(amount)} a month. You need at least "
        f"{euro_en(norm.amount)} a month.",
        f"{capitalised(yours.nl)} is {euro_nl(amount)} per maand. U heeft minimaal "
        f"{euro_nl(norm.amount)} per maand nodig.",
    )
    if amount >= norm.amount:
        enough = Text("That is enough.", "Dat is genoeg.")
        return finding(condition, Outcome.MET, basis, text + enough, uses, letter=letter + enough)
    short = norm.amount - amount
    text += Text(
        f"{capitalised(subject.en)} is {euro_en(short)} too low.",
        f"{capitalised(subject.nl)} is {euro_nl(short)} te laag.",
    )
    too_low = Text(f"That is {euro_en(short)} too little.", f"Dat is {euro_nl(short)} te weinig.")
    return finding(condition, below, basis, text, uses, letter=letter + too_low)


def yes_no(
    ctx: RuleContext,
    *,
    condition: str,
    basis: str,
    fact: str,
    yes: tuple[Outcome, Text],
    no: tuple[Outcome, Text],
    uses: Iterable[FactUse] = (),
) -> Finding:
    """A condition decided by one true/false fact."""
    uses = tuple(uses)
    if ctx.fact(fact) is None:
        return missing_facts(ctx, condition=condition, basis=basis, names=[fact], facts=uses)
    outcome, text = yes if ctx.value(fact) else no
    return finding(condition, outcome, basis, text, (*uses, ctx.use(fact)))


def public_order(ctx: RuleContext, *, basis: str) -> Finding:
    """An entry in the criminal record is weighed, never an automatic refusal."""
    return yes_no(
        ctx,
        condition="public-order",
        basis=basis,
        fact="criminal_record",
        yes=(
            Outcome.CONTRA_INDICATION,
            Text(
                "There is an entry in the criminal record. The caseworker weighs whether it "
                "stands in the way.",
                "Er staat iets in de justitiële documentatie. De medewerker weegt af of dat "
                "een bezwaar is.",
            ),
        ),
        no=(
            Outcome.MET,
            Text(
                "There is nothing in the criminal record.",
                "Er staat niets in de justitiële documentatie.",
            ),
        ),
    )


def age_use(ctx: RuleContext, age: int) -> FactUse:
    return FactUse(name="age_on_reference_date", value=age, source="application")
