"""Study, au pair and exchange: products with a mandatory recognised sponsor.

Recognition is mandatory for study, au pair and exchange [V] ind.nl/en
"apply-for-recognition-as-sponsor" (ind-facts.md section 5). The sponsor's own
statement is usually enough, so where the recognised sponsor vouches for the applicant
the rules rely on it (the seed's Colombian student: a decision within two days).
"""

from datetime import date

from indigo.rules.citations import cited
from indigo.rules.conditions import (
    Text,
    age_use,
    amount_at_least,
    finding,
    missing_facts,
    norm_not_configured,
    public_order,
    yes_no,
)
from indigo.rules.context import RuleContext
from indigo.rules.findings import Finding, Outcome
from indigo.rules.registry import rule_set
from indigo.rules.validity import capped_validity, fixed_validity
from indigo.rules.wording import day_en, day_nl

PUBLIC_ORDER = cited(
    "PUBLIC_ORDER",
    "Vw 2000 art. 16(1)(d) (danger to public order); antecedents certificate required "
    "(catalog). Article UNVERIFIED: not in the reference research.",
)
RECOGNISED_MANDATORY = cited(
    "RECOGNISED_MANDATORY",
    "Recognition as a sponsor is mandatory for study, au pair and exchange [V] ind.nl/en "
    "'apply-for-recognition-as-sponsor'; Vw 2000 art. 2a and 2c (article numbers "
    "UNVERIFIED).",
)
STUDY_ADMISSION = cited(
    "STUDY_ADMISSION",
    "Vb 2000 art. 3.41 (admission to a full-time programme at a recognised educational "
    "institution) (UNVERIFIED: not in the reference research).",
)
STUDY_MEANS = cited(
    "STUDY_MEANS",
    "Vw 2000 art. 16(1)(c) (sufficient means of support); Vb 2000 art. 3.75 (student norm) "
    "(UNVERIFIED: not in the reference research). A recognised sponsor's statement is "
    "usually enough [V] ind.nl/en 'apply-for-recognition-as-sponsor'.",
)
AU_PAIR_AGE = cited(
    "AU_PAIR_AGE",
    "Vb 2000 art. 3.38? (age of an au pair) (UNVERIFIED: not in the reference research).",
)


def _recognised(ctx: RuleContext, *, fact: str, who: Text) -> Finding:
    return yes_no(
        ctx,
        condition="recognised-sponsor",
        basis=RECOGNISED_MANDATORY,
        fact=fact,
        yes=(
            Outcome.MET,
            Text(f"{who.en} is a recognised sponsor.", f"{who.nl} is erkend referent."),
        ),
        no=(
            Outcome.NOT_MET,
            Text(
                f"{who.en} is not a recognised sponsor. For this permit that is required.",
                f"{who.nl} is geen erkend referent. Voor deze vergunning is dat verplicht.",
            ),
        ),
    )


# --- study ---------------------------------------------------------------------------


def study_admission(ctx: RuleContext) -> Finding:
    condition, fact = "programme-admission", "admitted_to_programme"
    if ctx.fact(fact) is None:
        return missing_facts(ctx, condition=condition, basis=STUDY_ADMISSION, names=[fact])
    name = ctx.value("programme_name")
    uses = [ctx.use(fact)] + ([ctx.use("programme_name")] if name else [])
    programme = (
        Text(f"the programme {name}", f"de opleiding {name}")
        if name
        else Text("the programme", "de opleiding")
    )
    if ctx.value(fact):
        text = Text(
            f"The applicant is admitted to {programme.en}.",
            f"De aanvrager is toegelaten tot {programme.nl}.",
        )
        return finding(condition, Outcome.MET, STUDY_ADMISSION, text, uses)
    text = Text(
        f"The applicant is not admitted to {programme.en}.",
        f"De aanvrager is niet toegelaten tot {programme.nl}.",
    )
    return finding(condition, Outcome.NOT_MET, STUDY_ADMISSION, text, uses)


def study_means(ctx: RuleContext) -> Finding:
    condition = "sufficient-means"
    if ctx.value("sponsor_vouched"):
        return finding(
            condition,
            Outcome.MET,
            STUDY_MEANS,
            Text(
                "The educational institution, a recognised sponsor, declared that the "
                "student meets the conditions, including enough money to live on.",
                "De onderwijsinstelling is erkend referent en verklaarde dat de student aan "
                "de voorwaarden voldoet, ook dat er genoeg geld is om van te leven.",
            ),
            [ctx.use("sponsor_vouched")],
        )
    uses = [ctx.use("sponsor_vouched")] if ctx.fact("sponsor_vouched") else []
    return amount_at_least(
        ctx,
        condition=condition,
        basis=STUDY_MEANS,
        fact="monthly_means",
        key="study-means-monthly",
        subject=Text("the money available", "het beschikbare geld"),
        yours=Text("the money you have", "het geld dat u heeft"),
        uses=uses,
    )


def study_validity(ctx: RuleContext):
    end = ctx.value("programme_end_date")
    if end is None:
        return None
    return capped_validity(
        ctx, end=end, end_reason="the programme", max_key="", extra_key="study-permit-extra-months"
    )


@rule_set("study", valid_from=date(2025, 1, 1), validity=study_validity)
def study(ctx: RuleContext) -> list[Finding]:
    return [
        study_admission(ctx),
        _recognised(
            ctx,
            fact="institution_is_recognised",
            who=Text("The educational institution", "De onderwijsinstelling"),
        ),
        study_means(ctx),
        public_order(ctx, basis=PUBLIC_ORDER),
    ]


# --- au pair -------------------------------------------------------------------------


def au_pair_age(ctx: RuleContext) -> Finding:
    condition = "age"
    low, high = ctx.param("au-pair-minimum-age"), ctx.param("au-pair-maximum-age")
    for key, value in (("au-pair-minimum-age", low), ("au-pair-maximum-age", high)):
        if value is None:
            return norm_not_configured(ctx, condition=condition, basis=AU_PAIR_AGE, key=key)
    age, on = ctx.age_on_reference_date(), ctx.reference_date
    uses = [ctx.date_of_birth_use(), age_use(ctx, age), low.use(), high.use()]
    text = Text(
        f"The applicant is {age} on {day_en(on)}. An au pair must be between {low.value} and "
        f"{high.value} years old.",
        f"De aanvrager is op {day_nl(on)} {age} jaar. Een au pair moet tussen {low.value} en "
        f"{high.value} jaar oud zijn.",
    )
    outcome = Outcome.MET if low.value <= age <= high.value else Outcome.NOT_MET
    return finding(condition, outcome, AU_PAIR_AGE, text, uses)


def au_pair_validity(ctx: RuleContext):
    return fixed_validity(ctx, key="au-pair-permit-months", what="an au pair permit")


@rule_set("au-pair", valid_from=date(2025, 1, 1), validity=au_pair_validity)
def au_pair(ctx: RuleContext) -> list[Finding]:
    return [
        au_pair_age(ctx),
        _recognised(ctx, fact="sponsor_is_recognised", who=Text("The sponsor", "De referent")),
        _vouched(ctx),
        public_order(ctx, basis=PUBLIC_ORDER),
    ]


# --- exchange ------------------------------------------------------------------------


def _vouched(ctx: RuleContext) -> Finding:
    """The recognised sponsor's statement that the applicant meets the conditions."""
    return yes_no(
        ctx,
        condition="sponsor-statement",
        basis=RECOGNISED_MANDATORY,
        fact="sponsor_vouched",
        yes=(
            Outcome.MET,
            Text(
                "The sponsor declared that the applicant meets the conditions of the "
                "programme, including enough money to live on.",
                "De referent verklaarde dat de aanvrager aan de voorwaarden van het "
                "programma voldoet, ook dat er genoeg geld is om van te leven.",
            ),
        ),
        no=(
            Outcome.JUDGEMENT,
            Text(
                "The sponsor did not declare that the applicant meets the conditions. The "
                "caseworker assesses the documents.",
                "De referent verklaarde niet dat de aanvrager aan de voorwaarden voldoet. De "
                "medewerker beoordeelt de documenten.",
            ),
        ),
    )


def exchange_validity(ctx: RuleContext):
    return fixed_validity(ctx, key="exchange-permit-months", what="an exchange permit")


@rule_set("exchange", valid_from=date(2025, 1, 1), validity=exchange_validity)
def exchange(ctx: RuleContext) -> list[Finding]:
    return [
        _recognised(ctx, fact="sponsor_is_recognised", who=Text("The sponsor", "De referent")),
        _vouched(ctx),
        public_order(ctx, basis=PUBLIC_ORDER),
    ]
