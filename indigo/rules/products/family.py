"""Family: residence with a partner, and with a parent (child under 18).

The sponsor needs 100% of the gross statutory minimum wage (a single parent sponsoring
a child 70%), lasting at least 12 months; the norms follow the WML and change on
1 January and 1 July [V] ind.nl inkomenseisen; mvv-gezinshereniging.nl (ind-facts.md
section 4). They are parameters; a date without a configured norm gets judgement.
"""

from dataclasses import replace
from datetime import date

from indigo.rules.citations import cited
from indigo.rules.conditions import (
    Text,
    age_use,
    amount_at_least,
    fact_against_norm,
    finding,
    missing_facts,
    norm_not_configured,
    public_order,
    yes_no,
)
from indigo.rules.context import RuleContext, age_on
from indigo.rules.findings import Finding, Outcome
from indigo.rules.registry import rule_set
from indigo.rules.validity import capped_validity
from indigo.rules.wording import day_en, day_nl, months_en, months_nl

INCOME = cited(
    "INCOME",
    "Vw 2000 art. 16(1)(c); Vb 2000 art. 3.22 with 3.74 (independent and sufficient income, "
    "100% of the gross WML; 70% for a single parent sponsoring a child) [V] ind.nl "
    "inkomenseisen; article numbers UNVERIFIED.",
)
DURATION = cited(
    "DURATION",
    "Vb 2000 art. 3.75 (the income lasts at least 12 months; rules for contracts of 6 "
    "months or more) [V] ind.nl inkomenseisen; article number UNVERIFIED.",
)
PARTNER_AGE = cited(
    "PARTNER_AGE",
    "Vb 2000 art. 3.15 (both partners 21 or older) (UNVERIFIED: not in the reference).",
)
RELATIONSHIP = cited(
    "RELATIONSHIP",
    "Vb 2000 art. 3.14 (marriage, registered partnership, or a lasting and exclusive "
    "relationship) (UNVERIFIED: not in the reference).",
)
CHILD_AGE = cited(
    "CHILD_AGE", "Vb 2000 art. 3.14(c)? (a minor child) (UNVERIFIED: not in the reference)."
)
FAMILY_TIE = cited(
    "FAMILY_TIE",
    "Vb 2000 art. 3.14 (the child belongs to the sponsor's family) (UNVERIFIED: not in "
    "the reference).",
)
PUBLIC_ORDER = cited(
    "PUBLIC_ORDER",
    "Vw 2000 art. 16(1)(d) (danger to public order); antecedents certificate required "
    "(catalog). Article UNVERIFIED: not in the reference research.",
)

SPONSOR_INCOME = Text("the sponsor's income", "het inkomen van de referent")


def sponsor_income(ctx: RuleContext, *, key: str) -> Finding:
    return amount_at_least(
        ctx,
        condition="sponsor-income",
        basis=INCOME,
        fact="sponsor_gross_monthly_income",
        key=key,
        subject=SPONSOR_INCOME,
        yours=Text("the income of your sponsor", "het inkomen van uw referent"),
    )


def income_duration(ctx: RuleContext) -> Finding:
    condition, fact, key = (
        "income-duration",
        "income_duration_months",
        "family-income-minimum-months",
    )
    measured = fact_against_norm(ctx, condition=condition, basis=DURATION, fact=fact, key=key)
    if isinstance(measured, Finding):
        return measured
    months, minimum, uses = measured.value, measured.norm, measured.uses
    text = Text(
        f"The sponsor's income lasts {months_en(months)} from the application date. It must "
        f"last at least {months_en(minimum.value)}.",
        f"Het inkomen van de referent duurt {months_nl(months)} vanaf de aanvraagdatum. Het "
        f"moet minstens {months_nl(minimum.value)} duren.",
    )
    if months >= minimum.value:
        return finding(condition, Outcome.MET, DURATION, text, uses)
    text += Text(
        "A shorter contract can still count in some cases, for example after a long work "
        "history. The caseworker weighs this.",
        "Een korter contract kan soms toch meetellen, bijvoorbeeld na lang werken. De "
        "medewerker weegt dit af.",
    )
    return finding(condition, Outcome.CONTRA_INDICATION, DURATION, text, uses)


def family_validity(ctx: RuleContext):
    return capped_validity(
        ctx,
        end=ctx.value("sponsor_permit_end_date"),
        end_reason="the sponsor's residence permit",
        max_key="family-permit-years",
    )


# --- partner -----------------------------------------------------------------------


def partner_ages(ctx: RuleContext) -> Finding:
    condition, key = "minimum-age", "family-partner-minimum-age"
    minimum = ctx.param(key)
    if minimum is None:
        return norm_not_configured(ctx, condition=condition, basis=PARTNER_AGE, key=key)
    if ctx.fact("sponsor_date_of_birth") is None:
        return missing_facts(
            ctx, condition=condition, basis=PARTNER_AGE, names=["sponsor_date_of_birth"]
        )
    on, limit = ctx.reference_date, minimum.value
    applicant = ctx.age_on_reference_date()
    sponsor = age_on(ctx.value("sponsor_date_of_birth"), on)
    uses = [
        ctx.date_of_birth_use(),
        age_use(ctx, applicant),
        ctx.use("sponsor_date_of_birth"),
        minimum.use(),
    ]
    text = Text(
        f"On {day_en(on)} the applicant is {applicant} and the sponsor is {sponsor}. Both "
        f"must be {limit} or older.",
        f"Op {day_nl(on)} is de aanvrager {applicant} jaar en de referent {sponsor} jaar. "
        f"Beiden moeten {limit} jaar of ouder zijn.",
    )
    outcome = Outcome.MET if min(applicant, sponsor) >= limit else Outcome.NOT_MET
    return finding(condition, outcome, PARTNER_AGE, text, uses)


def relationship(ctx: RuleContext) -> Finding:
    return yes_no(
        ctx,
        condition="relationship",
        basis=RELATIONSHIP,
        fact="relationship_registered",
        yes=(
            Outcome.MET,
            Text(
                "The partners are married or in a registered partnership.",
                "De partners zijn getrouwd of hebben een geregistreerd partnerschap.",
            ),
        ),
        no=(
            Outcome.JUDGEMENT,
            Text(
                "The partners are not married or registered. A relationship can also count "
                "if it is lasting and exclusive. The caseworker assesses this.",
                "De partners zijn niet getrouwd of geregistreerd. Een relatie kan ook "
                "meetellen als die duurzaam en exclusief is. De medewerker beoordeelt dit.",
            ),
        ),
    )


@rule_set("family-partner", valid_from=date(2024, 1, 1), validity=family_validity)
def family_partner(ctx: RuleContext) -> list[Finding]:
    return [
        sponsor_income(ctx, key="family-income-norm-couple"),
        income_duration(ctx),
        relationship(ctx),
        partner_ages(ctx),
        public_order(ctx, basis=PUBLIC_ORDER),
    ]


# --- child ---------------------------------------------------------------------------


def child_age(ctx: RuleContext) -> Finding:
    condition, key = "child-age", "family-child-age-limit"
    limit = ctx.param(key)
    if limit is None:
        return norm_not_configured(ctx, condition=condition, basis=CHILD_AGE, key=key)
    age, on = ctx.age_on_reference_date(), ctx.reference_date
    text = Text(
        f"The child is {age} on {day_en(on)}. The child must be younger than {limit.value}.",
        f"Het kind is op {day_nl(on)} {age} jaar. Het kind moet jonger zijn dan "
        f"{limit.value} jaar.",
    )
    uses = [ctx.date_of_birth_use(), age_use(ctx, age), limit.use()]
    outcome = Outcome.MET if age < limit.value else Outcome.NOT_MET
    return finding(condition, outcome, CHILD_AGE, text, uses)


def child_sponsor_income(ctx: RuleContext) -> Finding:
    """A single parent needs the lower norm; if the income meets the higher one, it does
    not matter whether the parent is single, so nobody is asked."""
    single = ctx.value("sponsor_is_single_parent")
    if single is not None:
        key = "family-income-norm-single-parent" if single else "family-income-norm-couple"
        result = sponsor_income(ctx, key=key)
        return replace(result, facts=(ctx.use("sponsor_is_single_parent"), *result.facts))
    result = sponsor_income(ctx, key="family-income-norm-couple")
    if result.outcome is Outcome.MET:
        return result
    names = ["sponsor_gross_monthly_income", "sponsor_is_single_parent"]
    return missing_facts(
        ctx, condition="sponsor-income", basis=INCOME, names=names, facts=result.facts
    )


@rule_set("family-child", valid_from=date(2024, 1, 1), validity=family_validity)
def family_child(ctx: RuleContext) -> list[Finding]:
    tie = yes_no(
        ctx,
        condition="family-tie",
        basis=FAMILY_TIE,
        fact="family_tie_established",
        yes=(
            Outcome.MET,
            Text(
                "The family tie with the sponsor is established.",
                "De familieband met de referent is vastgesteld.",
            ),
        ),
        no=(
            Outcome.JUDGEMENT,
            Text(
                "The documents do not establish the family tie. The caseworker assesses "
                "other evidence.",
                "De documenten tonen de familieband niet aan. De medewerker beoordeelt ander "
                "bewijs.",
            ),
        ),
    )
    return [child_age(ctx), tie, child_sponsor_income(ctx), income_duration(ctx)]
