"""Asylum: the conditions are not mechanical, so every finding asks for judgement.

The system never says "not met" on asylum. It structures the assessment in the order
the caseworker works (identity, credibility of the account, protection need) and shows
what has been recorded so far, including the caseworker's own interim assessments.
"""

from datetime import date

from indigo.rules.citations import cited
from indigo.rules.conditions import Text, finding
from indigo.rules.context import RuleContext
from indigo.rules.findings import Finding, Outcome
from indigo.rules.registry import rule_set
from indigo.rules.validity import fixed_validity

IDENTITY = cited(
    "IDENTITY",
    "Vw 2000 art. 31 (the applicant makes identity, nationality and the account "
    "plausible); Directive 2011/95/EU art. 4 (assessment of facts and circumstances) "
    "(UNVERIFIED: not in the reference research).",
)
CREDIBILITY = cited(
    "CREDIBILITY",
    "Vw 2000 art. 31; Directive 2011/95/EU art. 4(5) (credibility when statements are not "
    "supported by documents) (UNVERIFIED: not in the reference research).",
)
PROTECTION = cited(
    "PROTECTION",
    "Vw 2000 art. 29(1)(a) (refugee, Refugee Convention art. 1A) and (b) (serious harm, "
    "Directive 2011/95/EU art. 15; ECHR art. 3) (UNVERIFIED: not in the reference "
    "research).",
)

PROTECTION_WORDS = {
    "refugee": Text("refugee status", "vluchtelingenstatus"),
    "subsidiary-protection": Text("subsidiary protection", "subsidiaire bescherming"),
    "none": Text("no protection need", "geen beschermingsbehoefte"),
}


def _assessment(
    ctx: RuleContext, *, condition: str, basis: str, fact: str, ask: Text, noted
) -> Finding:
    if ctx.fact(fact) is None:
        return finding(condition, Outcome.JUDGEMENT, basis, ask)
    return finding(
        condition, Outcome.JUDGEMENT, basis, ask + noted(ctx.value(fact)), [ctx.use(fact)]
    )


def _yes_no_note(yes: Text, no: Text):
    return lambda value: yes if value else no


@rule_set(
    "asylum",
    valid_from=date(2024, 1, 1),
    validity=lambda ctx: fixed_validity(ctx, key="asylum-permit-years", what="an asylum permit"),
)
def asylum(ctx: RuleContext) -> list[Finding]:
    identity = _assessment(
        ctx,
        condition="identity-established",
        basis=IDENTITY,
        fact="identity_established",
        ask=Text(
            "Assess whether identity and nationality are established, using the document "
            "examination and, where needed, language analysis.",
            "Beoordeel of identiteit en nationaliteit vaststaan, met het documentonderzoek "
            "en zo nodig een taalanalyse.",
        ),
        noted=_yes_no_note(
            Text("Recorded so far: established.", "Tot nu toe vastgelegd: vastgesteld."),
            Text("Recorded so far: not established.", "Tot nu toe vastgelegd: niet vastgesteld."),
        ),
    )
    credibility = _assessment(
        ctx,
        condition="credibility",
        basis=CREDIBILITY,
        fact="account_credible",
        ask=Text(
            "Assess whether the account is credible: consistent, detailed, and in line with "
            "country information.",
            "Beoordeel of het asielrelaas geloofwaardig is: samenhangend, gedetailleerd en in "
            "lijn met de landeninformatie.",
        ),
        noted=_yes_no_note(
            Text("Recorded so far: credible.", "Tot nu toe vastgelegd: geloofwaardig."),
            Text("Recorded so far: not credible.", "Tot nu toe vastgelegd: niet geloofwaardig."),
        ),
    )
    protection = _assessment(
        ctx,
        condition="protection-need",
        basis=PROTECTION,
        fact="protection_need",
        ask=Text(
            "Assess whether the applicant needs protection: a well-founded fear of "
            "persecution, or a real risk of serious harm on return.",
            "Beoordeel of de aanvrager bescherming nodig heeft: een gegronde vrees voor "
            "vervolging, of een reëel risico op ernstige schade bij terugkeer.",
        ),
        noted=lambda value: Text(
            f"Recorded so far: {PROTECTION_WORDS[value].en}.",
            f"Tot nu toe vastgelegd: {PROTECTION_WORDS[value].nl}.",
        ),
    )
    return [identity, credibility, protection]
