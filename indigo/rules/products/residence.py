"""Permanent residence (EU long-term resident) and naturalisation: years of residence,
civic integration and public order."""

from datetime import date

from indigo.rules.citations import cited
from indigo.rules.conditions import (
    Text,
    amount_at_least,
    fact_against_norm,
    finding,
    public_order,
    yes_no,
)
from indigo.rules.context import RuleContext
from indigo.rules.findings import Finding, Outcome
from indigo.rules.registry import rule_set
from indigo.rules.validity import fixed_validity
from indigo.rules.wording import years_en, years_nl

LONG_TERM_RESIDENCE = cited(
    "LONG_TERM_RESIDENCE",
    "Directive 2003/109/EC art. 4(1) (five years of legal and continuous residence); Vw "
    "2000 art. 45a (UNVERIFIED: not in the reference research).",
)
LONG_TERM_INTEGRATION = cited(
    "LONG_TERM_INTEGRATION",
    "Directive 2003/109/EC art. 5(2) (integration conditions); Vw 2000 art. 45b (article "
    "and paragraph UNVERIFIED: not in the reference research).",
)
LONG_TERM_INCOME = cited(
    "LONG_TERM_INCOME",
    "Directive 2003/109/EC art. 5(1)(a) (stable and regular resources); Vw 2000 art. 45b "
    "(UNVERIFIED: not in the reference research).",
)
LONG_TERM_PUBLIC_ORDER = cited(
    "LONG_TERM_PUBLIC_ORDER",
    "Directive 2003/109/EC art. 6 (public policy); Vw 2000 art. 45b (UNVERIFIED: not in "
    "the reference research).",
)
NATURALISATION_RESIDENCE = cited(
    "NATURALISATION_RESIDENCE",
    "Rijkswet op het Nederlanderschap art. 8(1)(c) (five years of residence) (UNVERIFIED: "
    "not in the reference research).",
)
NATURALISATION_INTEGRATION = cited(
    "NATURALISATION_INTEGRATION",
    "Rijkswet op het Nederlanderschap art. 8(1)(d) (civic integration) (UNVERIFIED: not in "
    "the reference research).",
)
NATURALISATION_PUBLIC_ORDER = cited(
    "NATURALISATION_PUBLIC_ORDER",
    "Rijkswet op het Nederlanderschap art. 9(1)(a) (serious suspicion of danger to public "
    "order) (UNVERIFIED: not in the reference research).",
)


def residence_years(ctx: RuleContext, *, basis: str, key: str, exceptions: Text) -> Finding:
    condition, fact = "residence-years", "years_legal_residence"
    measured = fact_against_norm(ctx, condition=condition, basis=basis, fact=fact, key=key)
    if isinstance(measured, Finding):
        return measured
    years, needed, uses = measured.value, measured.norm, measured.uses
    text = Text(
        f"The applicant has lived legally in the Netherlands for {years_en(years)}. "
        f"{years_en(needed.value).capitalize()} are needed.",
        f"De aanvrager woont {years_nl(years)} rechtmatig in Nederland. Er is "
        f"{years_nl(needed.value)} nodig.",
    )
    if years >= needed.value:
        return finding(condition, Outcome.MET, basis, text, uses)
    return finding(condition, Outcome.NOT_MET, basis, text + exceptions, uses)


def civic_integration(ctx: RuleContext, *, basis: str) -> Finding:
    return yes_no(
        ctx,
        condition="civic-integration",
        basis=basis,
        fact="civic_integration_passed",
        yes=(
            Outcome.MET,
            Text(
                "The civic integration exam is passed, or an exemption applies.",
                "Het inburgeringsexamen is gehaald, of er geldt een vrijstelling.",
            ),
        ),
        no=(
            Outcome.NOT_MET,
            Text(
                "The civic integration exam is not passed and no exemption is recorded.",
                "Het inburgeringsexamen is niet gehaald en er is geen vrijstelling vastgelegd.",
            ),
        ),
    )


# --- permanent residence (EU long-term resident) --------------------------------------


def permanent_validity(ctx: RuleContext):
    return fixed_validity(
        ctx, key="permanent-residence-document-years", what="the residence document"
    )


@rule_set("permanent-residence-eu", valid_from=date(2025, 1, 1), validity=permanent_validity)
def permanent_residence_eu(ctx: RuleContext) -> list[Finding]:
    income = amount_at_least(
        ctx,
        condition="sufficient-income",
        basis=LONG_TERM_INCOME,
        fact="gross_monthly_income",
        key="permanent-residence-income-norm",
        subject=Text("the applicant's income", "het inkomen van de aanvrager"),
        yours=Text("your income", "uw inkomen"),
    )
    years = residence_years(
        ctx,
        basis=LONG_TERM_RESIDENCE,
        key="permanent-residence-years",
        exceptions=Text(
            "Some periods count for half, others not at all; the caseworker checks the "
            "residence history.",
            "Sommige periodes tellen half of niet mee; de medewerker controleert de "
            "verblijfsgeschiedenis.",
        ),
    )
    return [
        years,
        civic_integration(ctx, basis=LONG_TERM_INTEGRATION),
        income,
        public_order(ctx, basis=LONG_TERM_PUBLIC_ORDER),
    ]


# --- naturalisation -----------------------------------------------------------------


@rule_set("naturalisation", valid_from=date(2024, 1, 1))
def naturalisation(ctx: RuleContext) -> list[Finding]:
    years = residence_years(
        ctx,
        basis=NATURALISATION_RESIDENCE,
        key="naturalisation-residence-years",
        exceptions=Text(
            "Some people need fewer years, for example the partner of a Dutch national. "
            "The caseworker checks this.",
            "Voor sommige mensen zijn minder jaren nodig, bijvoorbeeld voor de partner van "
            "een Nederlander. De medewerker controleert dit.",
        ),
    )
    return [
        years,
        civic_integration(ctx, basis=NATURALISATION_INTEGRATION),
        public_order(ctx, basis=NATURALISATION_PUBLIC_ORDER),
    ]
