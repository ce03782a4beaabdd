"""Facts and decisions in the demo: what the rules read, and the caseworker's decision.

Before a decision is proposed, the owner records what is known about the application
(`indigo.rules.services.fact_record`), each fact with the source that normally gives it
(the vocabulary's `asked_of`: the applicant, the sponsor, a partner agency such as
UWV, DUO or Justid, or the caseworker after checking a register). The facts fit the
product and the law of the receipt date (the parameters in force then): for a grant
every condition the rules can judge is met; for a refusal one condition is clearly
not met and nothing is missing (missing information is never a reason to refuse).

Before notifying, the owner records the decision (`indigo.decisions.services`): a
grant takes its validity from the rules; where a norm is not configured for the date
(or the rules weigh nothing, as on asylum) the owner grants with a motivation; a
refusal has a motivation and is approved by a second caseworker of the unit
(four-eyes principle). Every step is replayed on its day, like the lifecycle's.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from indigo import clock
from indigo.cases.models import Application
from indigo.decisions.intentions import (
    intention_required,
    intention_send,
    intention_view_record,
)
from indigo.decisions.models import Decision
from indigo.decisions.selectors import GRANT, assessment_of, finding_snapshot
from indigo.decisions.services import decision_approve, decision_record
from indigo.demo.organisation import Organisation
from indigo.demo.replay import Replay
from indigo.rules.context import RuleContext
from indigo.rules.findings import Outcome
from indigo.rules.services import fact_record
from indigo.rules.vocabulary import FACT_NAMES

Out = Decision.Outcome
RECOGNISED_SPONSOR = "recognised-sponsor"
OBJECTION_UPHELD = "well-founded"  # in the reason of a decide-objection that grants

PROGRAMMES = (
    "MSc Computer Science",
    "MSc Water Management",
    "BSc International Business",
    "MA Linguistics",
    "MSc Artificial Intelligence",
    "LLM International and European Law",
    "BSc Mechanical Engineering",
    "MSc Public Health",
)
# Where a partner agency's or a register's fact comes from (the source detail).
DETAILS: dict[str, str] = {
    "criminal_record": "Justid (Judicial Documentation System)",
    "sponsor_gross_monthly_income": "UWV polisadministratie",
    "income_duration_months": "UWV polisadministratie",
    "gross_monthly_income": "UWV polisadministratie",
    "sponsor_date_of_birth": "BRP",
    "civic_integration_passed": "DUO",
    "labour_market_advice_positive": "UWV advice on the work permit",
    "employer_is_recognised_sponsor": "public register of recognised sponsors",
    "institution_is_recognised": "public register of recognised sponsors",
    "sponsor_is_recognised": "public register of recognised sponsors",
    "years_legal_residence": "residence history in the BVV",
    "family_tie_established": "birth certificate examined",
    "gross_monthly_salary": "employment contract",
}
# A grant where the rules ask for judgement: what the owner weighed.
JUDGED: dict[str, str] = {
    "sponsor-income": "Income checked against the current norm.",
    "sufficient-income": "Income checked against the current norm.",
    "minimum-wage": "Salary checked against the current statutory minimum wage.",
    "salary-threshold": "Salary checked against the current threshold.",
    "sufficient-means": "Means of support checked against the current student norm.",
    "income-duration": "The sponsor's income is lasting: a long work history.",
    "relationship": "The interview showed a lasting and exclusive relationship.",
}
DEFAULT_JUDGED = "Income checked against the current norm."

# The motivation in the letter is addressed to the applicant, in the applicant's
# language (the journey's reasons are the caseworker's notes, in English).
LETTER_MOTIVATION = {
    "refuse": {
        "nl": "Wij hebben alle gegevens van uw aanvraag gewogen. U voldoet niet aan de "
        "voorwaarden die hierboven staan. Daarom wijzen wij uw aanvraag af.",
        "en": "We weighed all the information of your application. You do not meet the "
        "conditions above. That is why we refuse your application.",
    },
    "refuse-on-objection": {
        "nl": "Wij hebben uw bezwaar beoordeeld. Uw bezwaar verandert niets aan de "
        "voorwaarden waaraan u niet voldoet. De afwijzing blijft staan.",
        "en": "We assessed your objection. It does not change the conditions you do not "
        "meet. The refusal stands.",
    },
    "grant": {
        "nl": "Wij hebben uw gegevens gecontroleerd met de normen die nu gelden. U voldoet "
        "aan de voorwaarden.",
        "en": "We checked your information against the norms that apply now. You meet the "
        "conditions.",
    },
    "intention": {
        "nl": "Uit de gegevens die wij hebben, blijkt dat u niet voldoet aan de voorwaarden "
        "die hieronder staan.",
        "en": "The information we have shows that you do not meet the conditions below.",
    },
    "view-answer": {
        "nl": "Wij hebben uw reactie gelezen. U noemt geen nieuwe feiten of documenten. "
        "Daarom blijven wij bij ons voornemen.",
        "en": "We read your response. You mention no new facts or documents. That is why "
        "we keep to our intention.",
    },
    "no-end-date": {
        "nl": "De regels geven geen einddatum. Daarom geven wij u de vergunning voor 1 jaar.",
        "en": "The rules give no end date. That is why we give you the permit for 1 year.",
    },
}


def letter_motivation(application: Application, kind: str) -> str:
    language = "nl" if (application.applicant.language or "").startswith("nl") else "en"
    return LETTER_MOTIVATION[kind][language]


CORRECTED = "documents sent with the objection"


def motivation_from(proposal_reason: str) -> str:
    """A proposal's reason as a motivation: "X; proposal: refuse." becomes "X."."""
    text = proposal_reason.split("; proposal:")[0].strip()
    return text if text.endswith(".") else text + "."


def _money(amount) -> str:
    """A plausible monthly amount: whole tens of euros."""
    return str(Decimal(round(float(amount) / 10) * 10).quantize(Decimal("0.01")))


def _years_before(day: date, years: int) -> date:
    return day - relativedelta(years=years)


class Deciding:
    """Records the facts and the decisions of the demo's applications."""

    def __init__(self, rng: random.Random, *, organisation: Organisation, replay: Replay):
        self.rng = rng
        self.organisation = organisation
        self.replay = replay

    # --- facts -------------------------------------------------------------------------

    def facts_record(self, application: Application, *, actor, on: date, refused: bool) -> None:
        """Record what is known about the application on `on` (before the proposal)."""
        facts = self.facts_for(application, refused=refused)
        with self.replay.on(on):
            for name, value in facts.items():
                self._record(application, actor=actor, name=name, value=value)

    def facts_correct(self, application: Application, *, actor, on: date) -> None:
        """A well-founded objection: the new documents correct the facts that refused."""
        current = RuleContext(application)
        corrected = self.facts_for(application, refused=False, objection=True)
        with self.replay.on(on):
            for name, value in corrected.items():
                known = current.fact(name)
                if known is not None and known.value == FACT_NAMES[name].clean(value):
                    continue
                self._record(application, actor=actor, name=name, value=value, detail=CORRECTED)

    def _record(self, application, *, actor, name: str, value, detail: str = "") -> None:
        fact_record(
            actor=actor,
            application=application,
            name=name,
            value=value,
            source=FACT_NAMES[name].asked_of,
            source_detail=detail or DETAILS.get(name, ""),
        )

    def facts_for(self, application: Application, *, refused: bool, objection=False) -> dict:
        """The facts of the application's product, in the order they are recorded.

        `refused`: one condition is clearly not met (nothing is missing). `objection`:
        only the facts an objection's new documents correct.
        """
        ctx = RuleContext(application)
        code = application.product.code
        make = getattr(self, "_" + code.replace("-", "_"), None)
        if make is None:
            return {}
        facts = make(ctx, refused=refused)
        if objection:
            keep = CORRECTABLE.get(code, ())
            facts = {name: value for name, value in facts.items() if name in keep}
        return facts

    def _criminal_record(self) -> dict:
        return {"criminal_record": False}

    def _threshold(self, ctx: RuleContext, key: str, *, fallback: int) -> Decimal:
        norm = ctx.param(key)
        return norm.amount if norm is not None else Decimal(fallback)

    def _above(self, ctx: RuleContext, key: str, *, fallback: int, low=1.04, high=1.5) -> str:
        return _money(
            self._threshold(ctx, key, fallback=fallback) * Decimal(str(self.rng.uniform(low, high)))
        )

    def _below(self, ctx: RuleContext, key: str, *, fallback: int, low=0.7, high=0.92) -> str:
        return _money(
            self._threshold(ctx, key, fallback=fallback) * Decimal(str(self.rng.uniform(low, high)))
        )

    def _contract(self, ctx: RuleContext) -> dict:
        start = ctx.reference_date + timedelta(days=self.rng.randint(14, 75))
        if self.rng.random() < 0.3:
            return {"contract_start_date": start, "contract_open_ended": True}
        end = start + relativedelta(years=self.rng.randint(1, 5)) - timedelta(days=1)
        return {
            "contract_start_date": start,
            "contract_open_ended": False,
            "contract_end_date": end,
        }

    # Work

    def _highly_skilled_migrant(self, ctx: RuleContext, *, refused: bool) -> dict:
        boundary = ctx.param("hsm-age-boundary")
        young = boundary is not None and ctx.age_on_reference_date() < boundary.value
        key = "hsm-salary-under-30" if young else "hsm-salary-30-plus"
        salary = (
            self._below(ctx, key, fallback=5000)
            if refused
            else self._above(ctx, key, fallback=5000)
        )
        return {
            "gross_monthly_salary": salary,
            "reduced_salary_criterion_applies": False,
            **self._contract(ctx),
            "employer_is_recognised_sponsor": True,
            **self._criminal_record(),
        }

    def _eu_blue_card(self, ctx: RuleContext, *, refused: bool) -> dict:
        key = "eu-blue-card-salary"
        salary = (
            self._below(ctx, key, fallback=5700)
            if refused
            else self._above(ctx, key, fallback=5700)
        )
        return {
            "gross_monthly_salary": salary,
            "reduced_salary_criterion_applies": False,
            **self._contract(ctx),
            "higher_professional_qualification": True,
            **self._criminal_record(),
        }

    def _paid_employment(self, ctx: RuleContext, *, refused: bool) -> dict:
        return {
            "gross_monthly_salary": self._above(
                ctx, "statutory-minimum-wage", fallback=2200, low=1.1, high=1.7
            ),
            **self._contract(ctx),
            "labour_market_advice_positive": not refused,
            **self._criminal_record(),
        }

    # Study and exchange

    def _study(self, ctx: RuleContext, *, refused: bool) -> dict:
        end = ctx.reference_date + relativedelta(
            years=self.rng.randint(1, 4), months=self.rng.randint(0, 6)
        )
        facts = {
            "programme_name": self.rng.choice(PROGRAMMES),
            "programme_end_date": end,
            "admitted_to_programme": not refused,
            "institution_is_recognised": True,
        }
        group = ctx.application.customer_group
        if group is not None and group.code == RECOGNISED_SPONSOR:
            facts["sponsor_vouched"] = True
        else:
            facts["monthly_means"] = _money(self.rng.uniform(1100, 1900))
        return {**facts, **self._criminal_record()}

    def _exchange(self, ctx: RuleContext, *, refused: bool) -> dict:
        return {
            "sponsor_is_recognised": not refused,
            "sponsor_vouched": True,
            **self._criminal_record(),
        }

    def _au_pair(self, ctx: RuleContext, *, refused: bool) -> dict:
        return self._exchange(ctx, refused=refused)

    # Family

    def _family_income(self, ctx: RuleContext, key: str, *, refused: bool) -> dict:
        if refused:
            return {
                "sponsor_gross_monthly_income": self._below(ctx, key, fallback=2200, low=0.6),
                "income_duration_months": self.rng.randint(3, 9),
            }
        return {
            "sponsor_gross_monthly_income": self._above(ctx, key, fallback=2200, high=2.0),
            "income_duration_months": self.rng.randint(12, 60),
        }

    def _family_partner(self, ctx: RuleContext, *, refused: bool) -> dict:
        minimum = ctx.param("family-partner-minimum-age")
        lowest = (minimum.value if minimum else 21) + 1
        age = max(lowest, ctx.age_on_reference_date() + self.rng.randint(-4, 8))
        born = _years_before(ctx.reference_date, age) - timedelta(days=self.rng.randint(1, 360))
        return {
            **self._family_income(ctx, "family-income-norm-couple", refused=refused),
            "relationship_registered": self.rng.random() < 0.8,
            "sponsor_date_of_birth": born,
            **self._criminal_record(),
        }

    def _family_child(self, ctx: RuleContext, *, refused: bool) -> dict:
        single = self.rng.random() < 0.25
        key = "family-income-norm-single-parent" if single else "family-income-norm-couple"
        return {
            "family_tie_established": True,
            "sponsor_is_single_parent": single,
            **self._family_income(ctx, key, refused=refused),
        }

    # Residence and naturalisation

    def _residence(self, ctx: RuleContext, key: str, *, refused: bool) -> dict:
        needed = ctx.param(key)
        return {
            "years_legal_residence": (needed.value if needed else 5) + self.rng.randint(0, 8),
            "civic_integration_passed": not refused,
            **self._criminal_record(),
        }

    def _permanent_residence_eu(self, ctx: RuleContext, *, refused: bool) -> dict:
        return {
            **self._residence(ctx, "permanent-residence-years", refused=refused),
            "gross_monthly_income": _money(self.rng.uniform(2300, 4800)),
        }

    def _naturalisation(self, ctx: RuleContext, *, refused: bool) -> dict:
        return self._residence(ctx, "naturalisation-residence-years", refused=refused)

    # Asylum: the caseworker's own assessments

    def _asylum(self, ctx: RuleContext, *, refused: bool) -> dict:
        need = "none" if refused else self.rng.choice(["refugee", "subsidiary-protection"])
        return {
            "identity_established": True,
            "account_credible": not refused,
            "protection_need": need,
        }

    # --- the decision --------------------------------------------------------------------

    def decide(
        self,
        application: Application,
        *,
        decider,
        process: str,
        since: date,
        until: date,
        refused: bool,
        motivation: str,
    ) -> Decision:
        """The owner decides on a day from `since` to `until` (the notification); a
        refusal is approved by a colleague of the unit by `until`."""
        decided_on = since + timedelta(days=self.rng.randint(0, (until - since).days))
        if motivation:
            kind = "refuse" if refused else "grant"
            if refused and application.objection_period_ends is not None:
                kind = "refuse-on-objection"
            motivation = letter_motivation(application, kind)
        with self.replay.on(decided_on):
            assessment = assessment_of(application=application)
            if refused:
                if assessment.missing:
                    raise AssertionError(
                        f"Demo refusal of {application.reference} with information missing."
                    )
                view_answer = self._intention_and_view(application, decider=decider)
                decision = decision_record(
                    actor=decider,
                    application=application,
                    outcome=Out.REFUSE,
                    motivation=motivation,
                    view_answer=view_answer,
                )
            else:
                decision = self._grant(
                    application, decider=decider, assessment=assessment, motivation=motivation
                )
        if decision.needs_approval:
            colleagues = [u for u in self.organisation.caseworkers(process) if u.pk != decider.pk]
            if not colleagues:
                raise AssertionError(f"No second caseworker in {process} to approve a refusal.")
            approved_on = decided_on + timedelta(
                days=self.rng.randint(0, (until - decided_on).days)
            )
            with self.replay.on(approved_on):
                decision = decision_approve(actor=self.rng.choice(colleagues), decision=decision)
        return decision

    def _intention_and_view(self, application, *, decider) -> str:
        """Where the law requires it, the intended refusal is sent and the applicant
        answers the same day (the demo does not wait out the period); the decision then
        answers the view."""
        application.refresh_from_db()
        findings = [finding_snapshot(f) for f in assessment_of(application=application).findings]
        if not intention_required(application=application, findings=findings, on=clock.today()):
            return ""
        intention = intention_send(
            actor=decider,
            application=application,
            grounds=letter_motivation(application, "intention"),
        )
        intention_view_record(
            actor=decider,
            intention=intention,
            text="The applicant disagrees with the intended refusal.",
        )
        return letter_motivation(application, "view-answer")

    def _grant(self, application, *, decider, assessment, motivation: str) -> Decision:
        if assessment.proposal != GRANT and not motivation:
            judged = [
                JUDGED.get(f.condition, DEFAULT_JUDGED)
                for f in assessment.findings
                if f.outcome is not Outcome.MET
            ]
            motivation = letter_motivation(application, "grant") if judged else ""
            motivation = motivation or letter_motivation(application, "grant")
        if assessment.validity is None and assessment.sets_validity:
            # The rules cannot give an end date: the owner sets one and says why.
            return decision_record(
                actor=decider,
                application=application,
                outcome=Out.GRANT_DIFFERENTLY,
                motivation=(motivation + " " if motivation else "")
                + letter_motivation(application, "no-end-date"),
                valid_until=application.received_on + relativedelta(years=1),
            )
        return decision_record(
            actor=decider, application=application, outcome=Out.GRANT, motivation=motivation
        )


# The facts a well-founded objection's new documents correct, per product.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "highly-skilled-migrant": ("gross_monthly_salary",),
    "eu-blue-card": ("gross_monthly_salary",),
    "paid-employment": ("labour_market_advice_positive",),
    "study": ("admitted_to_programme",),
    "exchange": ("sponsor_is_recognised",),
    "au-pair": ("sponsor_is_recognised",),
    "family-partner": ("sponsor_gross_monthly_income", "income_duration_months"),
    "family-child": ("sponsor_gross_monthly_income", "income_duration_months"),
    "permanent-residence-eu": ("civic_integration_passed",),
    "naturalisation": ("civic_integration_passed",),
    "asylum": ("account_credible", "protection_need"),
}
