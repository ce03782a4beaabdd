"""Plans for demo applications: which steps, on which dates, by whom, and why.

A journey is a path through the lifecycle (`indigo.cases.lifecycle`) that ends in a
phase: still received, suspended with a repair period running, closed after an
objection period, and so on. Planning is pure (no database): the loader performs
each step through the real services. Dates only move forward, never past today, and
the oldest receipt is about fourteen months ago.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from indigo.accounts.roles import Role
from indigo.cases.models import Status, Suspension

WINDOW_DAYS = 425  # about fourteen months of receipts
DEFAULT_PERIOD_DAYS = 90  # the decision period of most regular applications

STUDY = frozenset({"study", "exchange", "au-pair"})
WORK = frozenset({"highly-skilled-migrant", "eu-blue-card", "paid-employment"})
FAMILY = frozenset({"family-partner", "family-child"})

# How many applications of each product, roughly, out of 100.
PRODUCT_WEIGHTS: dict[str, int] = {
    "study": 17,
    "highly-skilled-migrant": 15,
    "eu-blue-card": 4,
    "paid-employment": 6,
    "au-pair": 3,
    "exchange": 4,
    "family-partner": 14,
    "family-child": 7,
    "permanent-residence-eu": 4,
    "asylum": 14,
    "naturalisation": 12,
}

# Work speed relative to a 90-day regular application: a sponsor's study application
# is quick, asylum and naturalisation take months per phase.
PACE: dict[str, float] = {"study": 0.6, "exchange": 0.6, "asylum": 2.5, "naturalisation": 3.0}


@dataclass(frozen=True)
class Journey:
    name: str
    actions: tuple[str, ...]
    status: Status
    weight: int
    # Days since the last step, before pace; None: anything that fits in the window.
    idle: tuple[int, int] | None
    refused: bool = False  # the decision is a refusal (the applicant objects to it)
    # Days left until the decision deadline today, instead of `idle`.
    due_in: tuple[int, int] | None = None


def _journey(
    name, actions: str, status, weight, idle=None, *, refused=False, due_in=None
) -> Journey:
    return Journey(name, tuple(actions.split()), status, weight, idle, refused, due_in)


_DECIDED = "start-intake start-assessment propose-decision"
_NOTIFIED = f"{_DECIDED} notify"
_REPAIRED = "start-intake suspend resume start-assessment"
_EXTENDED = "start-intake start-assessment extend"
S = Status
JOURNEYS: dict[str, Journey] = {
    j.name: j
    for j in [
        _journey("received", "", S.RECEIVED, 5, (0, 5)),
        _journey("intake", "start-intake", S.INTAKE, 7, (0, 12)),
        _journey("assessment", "start-intake start-assessment", S.ASSESSMENT, 13, (0, 40)),
        # Stock that has waited long: close to its deadline (at risk) or past it (a
        # backlog to steer on).
        _journey("near-deadline", "start-intake start-assessment", S.ASSESSMENT, 5, due_in=(1, 12)),
        _journey("overdue", "start-intake start-assessment", S.ASSESSMENT, 4, (70, 200)),
        _journey("assessment-after-repair", _REPAIRED, S.ASSESSMENT, 4, (0, 30)),
        _journey("extended", _EXTENDED, S.ASSESSMENT, 4, (0, 30)),
        _journey("suspended", "start-intake suspend", S.SUSPENDED, 5, (0, 35)),
        _journey(
            "suspended-in-assessment",
            "start-intake start-assessment suspend",
            S.SUSPENDED,
            3,
            (0, 35),
        ),
        _journey("decision", _DECIDED, S.DECISION, 5, (0, 8)),
        _journey("reconsidered", f"{_DECIDED} reopen-assessment", S.ASSESSMENT, 1, (0, 20)),
        _journey("notified", _NOTIFIED, S.NOTIFIED, 7, (0, 25)),
        _journey("closed", f"{_NOTIFIED} close", S.CLOSED, 26),
        _journey("closed-after-repair", f"{_REPAIRED} propose-decision notify close", S.CLOSED, 5),
        _journey("closed-extended", f"{_EXTENDED} propose-decision notify close", S.CLOSED, 3),
        _journey("withdrawn", "start-intake withdraw", S.WITHDRAWN, 3),
        _journey(
            "withdrawn-in-assessment", "start-intake start-assessment withdraw", S.WITHDRAWN, 2
        ),
        _journey(
            "objection", f"{_NOTIFIED} lodge-objection", S.OBJECTION, 4, (0, 40), refused=True
        ),
        _journey(
            "objection-decided",
            f"{_NOTIFIED} lodge-objection decide-objection notify",
            S.NOTIFIED,
            3,
            (0, 20),
            refused=True,
        ),
    ]
}

# Journeys that end near or past the deadline: the stock managers steer on. Their
# specialist tasks are mostly stuck in the specialists' backlog.
BEHIND = frozenset({"near-deadline", "overdue"})

# Planned first, so that even a small demo shows every product and every phase.
COVERAGE: tuple[tuple[str, str], ...] = (
    ("received", "study"),
    ("intake", "family-child"),
    ("assessment", "family-partner"),
    ("suspended", "highly-skilled-migrant"),  # a repair period running
    ("decision", "eu-blue-card"),
    ("notified", "paid-employment"),
    ("closed", "au-pair"),
    ("withdrawn", "exchange"),
    ("objection", "permanent-residence-eu"),
    ("extended", "asylum"),
    ("closed-after-repair", "naturalisation"),
)

# Days between one step and the next: (fewest, most, scaled by the product's pace).
# Steps bound to a legal period (the four-week objection period) are not scaled.
GAPS: dict[str, tuple[int, int, bool]] = {
    "start-intake": (1, 10, True),
    "start-assessment": (2, 21, True),
    "suspend": (3, 20, True),
    "extend": (20, 50, True),
    "propose-decision": (10, 40, True),
    "reopen-assessment": (1, 5, False),
    "notify": (1, 7, False),
    "close": (29, 45, False),
    "withdraw": (3, 30, True),
    "lodge-objection": (5, 27, False),
    "decide-objection": (21, 42, False),
}
REPAIR_PERIODS = (14, 21, 28, 28, 28)  # days the applicant gets to repair (hersteltermijn)


@dataclass(frozen=True)
class Step:
    action: str
    on: date
    actor: Role
    reason: str
    until: date | None = None
    suspension_kind: str = Suspension.Kind.REPAIR


@dataclass(frozen=True)
class Plan:
    product_code: str
    journey: str
    received_on: date
    steps: tuple[Step, ...]
    status: Status
    refused: bool = False  # the proposed decision is a refusal


class Planner:
    """Plans applications from a seeded random generator, relative to `today`."""

    def __init__(
        self,
        rng: random.Random,
        *,
        today: date,
        extendable: set[str],
        earliest: dict[str, date] | None = None,
        periods: dict[str, int] | None = None,
    ):
        self.rng = rng
        self.today = today
        self.extendable = extendable  # products whose law allows extending the period
        # The first day each product has a version in force: no receipt before it.
        self.earliest = earliest or {}
        # Each product's decision period in days (for journeys ending near the deadline).
        self.periods = periods or {}

    def plans(self, count: int, *, products: list[str]) -> Iterator[Plan]:
        """`count` plans over `products`: the coverage set first, then a weighted mix."""
        known = set(products)
        covering = [(j, p) for j, p in COVERAGE if p in known][:count]
        for journey, product in covering:
            yield self.plan(product, JOURNEYS[journey])
        weights = [PRODUCT_WEIGHTS.get(p, 2) for p in products]
        journeys = list(JOURNEYS.values())
        for _ in range(count - len(covering)):
            product = self.rng.choices(products, weights)[0]
            journey = self.rng.choices(journeys, [j.weight for j in journeys])[0]
            yield self.plan(product, journey)

    def plan(self, product: str, journey: Journey) -> Plan:
        rng = self.rng
        actions = [a for a in journey.actions if a != "extend" or product in self.extendable]
        pace = PACE.get(product, 1.0)
        repair_days = rng.choice(REPAIR_PERIODS)
        kind = Suspension.Kind.REPAIR
        if product in FAMILY | {"asylum"} and rng.random() < 0.2:
            kind = Suspension.Kind.FOREIGN_AUTHORITY
        gaps = [self._gap(a, pace=pace, repair_days=repair_days) for a in actions]
        window = WINDOW_DAYS
        if product in self.earliest:
            window = max(0, min(window, (self.today - self.earliest[product]).days))
        total = sum(gaps)
        if total > window:
            gaps = [g * window // total for g in gaps]
            total = sum(gaps)
        room = window - total
        if journey.due_in is not None:
            period = self.periods.get(product, DEFAULT_PERIOD_DAYS)
            idle = min(room, max(0, period - rng.randint(*journey.due_in) - total))
        elif journey.idle is None:
            idle = rng.randint(0, room)
        else:
            low, high = journey.idle
            scale = pace if journey.status in (Status.INTAKE, Status.ASSESSMENT) else 1.0
            idle = min(room, rng.randint(low, round(high * scale)))
        received_on = self.today - timedelta(days=total + idle)
        refused = journey.refused or rng.random() < 0.12
        texts = Reasons(rng, product=product)
        steps = []
        day = received_on
        for action, gap in zip(actions, gaps, strict=True):
            day += timedelta(days=gap)
            if action == "suspend":
                until = day + timedelta(days=repair_days)
                if kind == Suspension.Kind.FOREIGN_AUTHORITY:
                    until = None
                steps.append(
                    Step(
                        action,
                        day,
                        Role.CASEWORKER,
                        texts.suspend(kind, repair_days),
                        until=until,
                        suspension_kind=kind,
                    )
                )
                continue
            reason = texts.for_action(action, refused=refused)
            steps.append(Step(action, day, self._actor(action), reason))
        return Plan(product, journey.name, received_on, tuple(steps), journey.status, refused)

    def _gap(self, action: str, *, pace: float, repair_days: int) -> int:
        if action == "resume":
            # Most applicants answer within the repair period, some a little late.
            return self.rng.randint(3, repair_days + 7)
        low, high, scaled = GAPS[action]
        days = self.rng.randint(low, high)
        return max(1, round(days * pace)) if scaled else days

    def _actor(self, action: str) -> Role:
        if action in ("start-intake", "lodge-objection", "withdraw"):
            return Role.DESK if self.rng.random() < 0.4 else Role.CASEWORKER
        if action in ("extend", "reopen-assessment"):
            return Role.MANAGER
        return Role.CASEWORKER


class Reasons:
    """The reason of each step, in plain words, as a caseworker would write it."""

    def __init__(self, rng: random.Random, *, product: str):
        self.rng = rng
        self.product = product

    def _pick(self, *options: str) -> str:
        return self.rng.choice(options)

    def for_action(self, action: str, *, refused: bool = False) -> str:
        p = self.product
        if action == "start-intake":
            if p in STUDY | WORK:
                return self._pick(
                    "Submitted by the recognised sponsor; the sponsor vouches for the applicant.",
                    "Application and fee received; intake started.",
                )
            if p == "asylum":
                return "Registered at the application centre; identification done."
            return self._pick(
                "Application and fee received; intake started.",
                "Application received by post; fee paid.",
            )
        if action == "start-assessment":
            return self._pick(
                "Intake complete: the required documents are present and the fee is paid.",
                "Documents checked at intake; ready for assessment.",
            )
        if action == "resume":
            return self._pick(
                "The applicant sent the missing document; assessment continues.",
                "The requested document arrived.",
                "The repair period has ended; continuing with the information we have.",
            )
        if action == "extend":
            if p == "asylum":
                return (
                    "More investigation is needed: the language analysis and country "
                    "information are not complete yet."
                )
            if p == "naturalisation":
                return "Waiting for the municipality's advice on integration and conduct."
            return self._pick(
                "The document examination unit must check the passport before a decision.",
                "The employer's information must be checked with the Labour Inspectorate.",
                "Advice from the medical adviser is needed before a decision.",
            )
        if action == "propose-decision":
            return self._proposal(refused)
        if action == "reopen-assessment":
            return "Second look asked by the team manager: the income documents need checking."
        if action == "notify":
            return self._pick(
                "Decision sent to the applicant by letter and in the online account.",
                "Decision sent to the applicant and the sponsor.",
            )
        if action == "close":
            return self._pick(
                "The objection period ended without an objection; file closed.",
                "Residence document collected at the IND desk; file closed.",
            )
        if action == "withdraw":
            if p in WORK:
                return "The employer withdrew the job offer; the sponsor withdrew the application."
            return self._pick(
                "The applicant withdrew the application in writing.",
                "The applicant left the Netherlands and withdrew the application.",
            )
        if action == "lodge-objection":
            return self._pick(
                "The applicant's lawyer lodged an objection against the refusal.",
                "Objection received by post within the objection period.",
            )
        if action == "decide-objection":
            return self._pick(
                "Objection well-founded: new documents show the conditions are met.",
                "Objection assessed after the hearing; a new decision is prepared.",
            )
        raise ValueError(f"No demo reason for action {action!r}")

    def _proposal(self, refused: bool) -> str:
        p = self.product
        if not refused:
            if p == "asylum":
                return "The account is credible and consistent; proposal: grant asylum."
            return "All conditions are met and no contra-indications were found; proposal: grant."
        if p == "asylum":
            return "The account is not credible on essential points; proposal: refuse."
        if p in ("naturalisation", "permanent-residence-eu"):
            return "The civic integration requirement is not met; proposal: refuse."
        if p in FAMILY:
            return "The income requirement is not met; proposal: refuse."
        if p in ("highly-skilled-migrant", "eu-blue-card"):
            return "The salary is below the required minimum for this permit; proposal: refuse."
        if p == "paid-employment":
            return "UWV advises negatively on the work permit; proposal: refuse."
        if p == "study":
            return "The applicant is not admitted to the programme; proposal: refuse."
        return (
            "The sponsor is not a recognised sponsor, which this permit requires; proposal: refuse."
        )

    def suspend(self, kind: str, repair_days: int) -> str:
        if kind == Suspension.Kind.FOREIGN_AUTHORITY:
            return "Waiting for the Dutch embassy to verify the birth certificate."
        missing = self._pick(
            "the passport copy is missing the page with the signature",
            "the antecedents certificate is not signed",
            "the birth certificate is not legalised",
            *self._product_specific_missing(),
        )
        return (
            f"Incomplete: {missing}. The applicant has {repair_days} days to repair it "
            "(hersteltermijn)."
        )

    def _product_specific_missing(self) -> tuple[str, ...]:
        p = self.product
        if p in FAMILY:
            return ("the income statement of the partner in the Netherlands is missing",)
        if p in STUDY:
            return ("the proof of means is older than three months",)
        if p in WORK:
            return ("the employment contract is not signed by the employer",)
        if p == "naturalisation":
            return ("the civic integration diploma is missing",)
        return ()
