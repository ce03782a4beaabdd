"""Work: highly skilled migrant (kennismigrant), EU Blue Card, paid employment (GVVA).

Salary thresholds are parameters indexed every 1 January; the one in force on the
date of receipt applies [V] global-r-compass.nl; anywr (ind-facts.md section 4).
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

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
from indigo.rules.findings import FactUse, Finding, Outcome
from indigo.rules.registry import rule_set
from indigo.rules.validity import capped_validity
from indigo.rules.wording import day_en, day_nl, euro_en, euro_nl, months_en, months_nl

PUBLIC_ORDER = cited(
    "PUBLIC_ORDER",
    "Vw 2000 art. 16(1)(d) (danger to public order); antecedents certificate required "
    "(catalog). Article UNVERIFIED: not in the reference research.",
)
HSM_SALARY = cited(
    "HSM_SALARY",
    "Vb 2000 art. 3.30a with the Besluit uitvoering Wet arbeid vreemdelingen (salary "
    "criterion by age group, gross per month without the 8% holiday allowance, indexed "
    "on 1 January) [V] ind-facts.md section 4; article numbers UNVERIFIED.",
)
HSM_SPONSOR = cited(
    "HSM_SPONSOR",
    "Recognition as a sponsor is mandatory for a highly skilled migrant, except for "
    "Turkish nationals [V] ind.nl/en 'apply-for-recognition-as-sponsor'; Vw 2000 art. 2a "
    "and 2c (article numbers UNVERIFIED).",
)
TURKISH_STANDSTILL = cited(
    "TURKISH_STANDSTILL",
    "EEC-Turkey Association: Additional Protocol art. 41(1) and Decision 1/80 art. 13 "
    "(standstill) (UNVERIFIED); exception for Turkish highly skilled migrants [V] "
    "ind.nl/en 'apply-for-recognition-as-sponsor'.",
)
BLUE_CARD_SALARY = cited(
    "BLUE_CARD_SALARY",
    "Directive (EU) 2021/1883 art. 5(3)-(5); Vb 2000 art. 3.30b (article UNVERIFIED); "
    "thresholds [V] ind-facts.md section 4.",
)
BLUE_CARD_CONTRACT = cited(
    "BLUE_CARD_CONTRACT",
    "Directive (EU) 2021/1883 art. 5(1)(a) (UNVERIFIED: not in the reference).",
)
BLUE_CARD_QUALIFICATION = cited(
    "BLUE_CARD_QUALIFICATION",
    "Directive (EU) 2021/1883 art. 5(1)(c) (higher professional qualifications) "
    "(UNVERIFIED: not in the reference).",
)
LABOUR_MARKET = cited(
    "LABOUR_MARKET",
    "Wet arbeid vreemdelingen art. 8 (UWV advice on the work permit within the single "
    "permit, GVVA) (UNVERIFIED: not in the reference).",
)
MINIMUM_WAGE = cited(
    "MINIMUM_WAGE",
    "Wet arbeid vreemdelingen art. 8 (at least the statutory minimum wage) (UNVERIFIED: "
    "not in the reference); the WML amounts [V] ind.nl inkomenseisen.",
)

SALARY = Text("the salary", "het salaris")
YOUR_SALARY = Text("your salary", "uw salaris")
REDUCED = "reduced_salary_criterion_applies"


# --- salary ------------------------------------------------------------------------


def _salary(
    ctx: RuleContext, *, basis: str, key: str, reduced_key: str, label=None, intro=None, uses=()
) -> Finding:
    """The salary against the norm; the reduced norm where the criterion applies."""
    condition = "salary-threshold"
    if ctx.value(REDUCED):
        return amount_at_least(
            ctx,
            condition=condition,
            basis=basis,
            fact="gross_monthly_salary",
            key=reduced_key,
            subject=SALARY,
            yours=YOUR_SALARY,
            uses=(ctx.use(REDUCED),),
        )
    result = amount_at_least(
        ctx,
        condition=condition,
        basis=basis,
        fact="gross_monthly_salary",
        key=key,
        subject=SALARY,
        yours=YOUR_SALARY,
        label=label,
        intro=intro,
        uses=(*uses, ctx.use(REDUCED)) if ctx.fact(REDUCED) else uses,
    )
    if result.outcome is not Outcome.NOT_MET or ctx.fact(REDUCED) is not None:
        return result
    # Below the norm, but perhaps enough for the reduced one: ask, do not refuse.
    reduced = ctx.param(reduced_key)
    if reduced is None or ctx.value("gross_monthly_salary") < reduced.amount:
        return result
    asked = missing_facts(
        ctx, condition=condition, basis=basis, names=[REDUCED], facts=result.facts
    )
    text = Text(result.explanation_en, result.explanation_nl) + Text(
        f"A lower minimum of {euro_en(reduced.amount)} applies in some cases, for example "
        "to a recent graduate.",
        f"In sommige gevallen geldt een lager minimum van {euro_nl(reduced.amount)}, "
        "bijvoorbeeld voor iemand die pas is afgestudeerd.",
    )
    text += Text(asked.explanation_en, asked.explanation_nl)
    return finding(
        condition, Outcome.MISSING, basis, text, (*result.facts, reduced.use()), [REDUCED]
    )


def hsm_salary(ctx: RuleContext) -> Finding:
    if ctx.fact("gross_monthly_salary") is None or ctx.value(REDUCED):
        return _salary(
            ctx, basis=HSM_SALARY, key="hsm-salary-30-plus", reduced_key="hsm-salary-reduced"
        )
    boundary = ctx.param("hsm-age-boundary")
    if boundary is None:
        return norm_not_configured(
            ctx, condition="salary-threshold", basis=HSM_SALARY, key="hsm-age-boundary"
        )
    age, limit = ctx.age_on_reference_date(), boundary.value
    if age >= limit:
        key = "hsm-salary-30-plus"
        label = Text(
            f"the minimum salary for someone of {limit} or older",
            f"het minimumsalaris voor iemand van {limit} jaar of ouder",
        )
    else:
        key = "hsm-salary-under-30"
        label = Text(
            f"the minimum salary for someone younger than {limit}",
            f"het minimumsalaris voor iemand jonger dan {limit} jaar",
        )
    on = ctx.reference_date
    intro = Text(
        f"The applicant is {age} on {day_en(on)}.",
        f"De aanvrager is op {day_nl(on)} {age} jaar.",
    )
    return _salary(
        ctx,
        basis=HSM_SALARY,
        key=key,
        reduced_key="hsm-salary-reduced",
        label=label,
        intro=intro,
        uses=(ctx.date_of_birth_use(), age_use(ctx, age), boundary.use()),
    )


# --- highly skilled migrant -----------------------------------------------------------


def hsm_recognised_sponsor(ctx: RuleContext) -> Finding:
    condition, fact = "recognised-sponsor", "employer_is_recognised_sponsor"
    if ctx.fact(fact) is None:
        return missing_facts(ctx, condition=condition, basis=HSM_SPONSOR, names=[fact])
    if ctx.value(fact):
        return finding(
            condition,
            Outcome.MET,
            HSM_SPONSOR,
            Text("The employer is a recognised sponsor.", "De werkgever is erkend referent."),
            [ctx.use(fact)],
        )
    # Only here does nationality matter, because the exception names it.
    nationality = ctx.nationality_for(article=TURKISH_STANDSTILL)
    if nationality == "TUR":
        return finding(
            condition,
            Outcome.MET,
            f"{HSM_SPONSOR} {TURKISH_STANDSTILL}",
            Text(
                "The employer is not a recognised sponsor. For a Turkish national this is "
                "not required.",
                "De werkgever is geen erkend referent. Voor iemand met de Turkse "
                "nationaliteit is dat niet nodig.",
            ),
            [ctx.use(fact), FactUse(name="nationality", value=nationality, source="application")],
        )
    return finding(
        condition,
        Outcome.NOT_MET,
        HSM_SPONSOR,
        Text(
            "The employer is not a recognised sponsor. A highly skilled migrant can only "
            "work for a recognised sponsor.",
            "De werkgever is geen erkend referent. Een kennismigrant kan alleen werken voor "
            "een erkend referent.",
        ),
        [ctx.use(fact)],
    )


def _contract_validity(ctx: RuleContext, *, max_key: str, extra_key: str | None = None):
    if ctx.value("contract_open_ended"):
        end = None
    else:
        end = ctx.value("contract_end_date")
        if end is None:
            return None  # not known yet; the contract condition asks for it
    return capped_validity(
        ctx, end=end, end_reason="the employment contract", max_key=max_key, extra_key=extra_key
    )


def hsm_validity(ctx: RuleContext):
    return _contract_validity(ctx, max_key="hsm-permit-max-years")


@rule_set("highly-skilled-migrant", valid_from=date(2025, 1, 1), validity=hsm_validity)
def highly_skilled_migrant(ctx: RuleContext) -> list[Finding]:
    return [hsm_salary(ctx), hsm_recognised_sponsor(ctx), public_order(ctx, basis=PUBLIC_ORDER)]


# --- EU Blue Card ---------------------------------------------------------------------


def blue_card_contract(ctx: RuleContext) -> Finding:
    condition = "contract-duration"
    if ctx.value("contract_open_ended"):
        return finding(
            condition,
            Outcome.MET,
            BLUE_CARD_CONTRACT,
            Text(
                "The employment contract is open-ended.",
                "Het arbeidscontract is voor onbepaalde tijd.",
            ),
            [ctx.use("contract_open_ended")],
        )
    names = ["contract_start_date", "contract_end_date"]
    if any(ctx.fact(n) is None for n in names):
        return missing_facts(ctx, condition=condition, basis=BLUE_CARD_CONTRACT, names=names)
    uses = [ctx.use(n) for n in names]
    minimum = ctx.param("eu-blue-card-minimum-contract-months")
    key = "eu-blue-card-minimum-contract-months"
    if minimum is None:
        return norm_not_configured(
            ctx, condition=condition, basis=BLUE_CARD_CONTRACT, key=key, facts=uses
        )
    start, end = ctx.value("contract_start_date"), ctx.value("contract_end_date")
    months = _whole_months(start, end)
    text = Text(
        f"The contract runs from {day_en(start)} to {day_en(end)}: {months_en(months)}. "
        f"It must be at least {months_en(minimum.value)}.",
        f"Het contract loopt van {day_nl(start)} tot {day_nl(end)}: {months_nl(months)}. "
        f"Het moet minstens {months_nl(minimum.value)} zijn.",
    )
    uses.append(minimum.use())
    if months >= minimum.value:
        return finding(condition, Outcome.MET, BLUE_CARD_CONTRACT, text, uses)
    return finding(condition, Outcome.NOT_MET, BLUE_CARD_CONTRACT, text, uses)


def _whole_months(start: date, end: date) -> int:
    """Completed months from `start` to `end` inclusive (1 Feb - 31 Jul is 6)."""
    delta = relativedelta(end + timedelta(days=1), start)
    return max(delta.years * 12 + delta.months, 0)


def blue_card_validity(ctx: RuleContext):
    return _contract_validity(
        ctx, max_key="eu-blue-card-permit-max-years", extra_key="eu-blue-card-extra-months"
    )


@rule_set("eu-blue-card", valid_from=date(2025, 1, 1), validity=blue_card_validity)
def eu_blue_card(ctx: RuleContext) -> list[Finding]:
    salary = _salary(
        ctx,
        basis=BLUE_CARD_SALARY,
        key="eu-blue-card-salary",
        reduced_key="eu-blue-card-salary-reduced",
    )
    qualification = yes_no(
        ctx,
        condition="higher-qualification",
        basis=BLUE_CARD_QUALIFICATION,
        fact="higher_professional_qualification",
        yes=(
            Outcome.MET,
            Text(
                "The applicant has a higher professional qualification.",
                "De aanvrager heeft een hogere beroepskwalificatie.",
            ),
        ),
        no=(
            Outcome.NOT_MET,
            Text(
                "The applicant does not have a higher professional qualification. An EU "
                "Blue Card requires one.",
                "De aanvrager heeft geen hogere beroepskwalificatie. Die is nodig voor een "
                "Europese blauwe kaart.",
            ),
        ),
    )
    return [salary, blue_card_contract(ctx), qualification, public_order(ctx, basis=PUBLIC_ORDER)]


# --- paid employment --------------------------------------------------------------------


def paid_employment_validity(ctx: RuleContext):
    return _contract_validity(ctx, max_key="paid-employment-permit-max-years")


@rule_set("paid-employment", valid_from=date(2025, 1, 1), validity=paid_employment_validity)
def paid_employment(ctx: RuleContext) -> list[Finding]:
    advice = yes_no(
        ctx,
        condition="labour-market-advice",
        basis=LABOUR_MARKET,
        fact="labour_market_advice_positive",
        yes=(Outcome.MET, Text("UWV advises positively.", "UWV adviseert positief.")),
        no=(
            Outcome.NOT_MET,
            Text(
                "UWV advises negatively on the work permit.",
                "UWV adviseert negatief over de tewerkstellingsvergunning.",
            ),
        ),
    )
    wage = amount_at_least(
        ctx,
        condition="minimum-wage",
        basis=MINIMUM_WAGE,
        fact="gross_monthly_salary",
        key="statutory-minimum-wage",
        subject=SALARY,
        yours=YOUR_SALARY,
    )
    return [advice, wage, public_order(ctx, basis=PUBLIC_ORDER)]
