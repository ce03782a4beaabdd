"""What the plan starts from, learned from the recorded work.

- *Hours per application* of a product: per unit, the productive hours of its queue
  workers over the last 13 weeks (member-days / 7 * hours per week) divided by the
  unit's decisions in those weeks; a product's figure is the average over the units
  that decided it, weighted by their decisions of it. Without decisions: the default.
- *Intake forecast*: the mean intake per week over the last 13 weeks, per product.
- *Stock*: open applications today, per product.
- *Staff*: today's queue workers per unit (caseworkers and specialists).
- *Legal period* in days: the period of the product version in force today, counted
  from today (months are calendar months).
"""

from collections import defaultdict
from datetime import date, timedelta

import yaml
from django.db.models import Count, Q

from indigo.catalog.models import Product, ProductVersion
from indigo.deadlines.periods import add_period
from indigo.organisation.models import Membership, Unit
from indigo.organisation.services import QUEUE_WORKER_ROLES
from indigo.quality.models import ApplicationFact

WINDOW_WEEKS = 13
HOURS_PER_WEEK = 32
DEFAULT_HOURS = 8.0
_WORKERS = [role.value for role in QUEUE_WORKER_ROLES]

# Illustrative national figures when the database has no history (the scale:
# about 600,000 applications a year and 3,000 staff). Weights, not law.
NATIONAL = {
    "asylum": (2400, 30.0),
    "naturalisation": (1400, 4.0),
    "family-partner": (1600, 3.0),
    "family-child": (800, 2.5),
    "permanent-residence-eu": (600, 2.5),
    "study": (1400, 1.5),
    "highly-skilled-migrant": (1400, 1.0),
    "eu-blue-card": (350, 1.5),
    "paid-employment": (700, 3.0),
    "au-pair": (230, 1.5),
    "exchange": (650, 1.0),
}


def legal_days(on: date) -> dict[str, float]:
    out = {}
    versions = ProductVersion.objects.filter(valid_from__lte=on).select_related("product")
    for version in versions.order_by("valid_from"):  # the last one per product is in force
        end = add_period(on, version.decision_period)
        out[version.product.code] = float((end - on).days)
    return out


def _worker_days(unit: Unit, start: date, end: date) -> float:
    days = 0
    for m in Membership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=start),
        unit=unit,
        valid_from__lte=end,
        user__groups__name__in=_WORKERS,
    ).distinct():
        first = max(m.valid_from, start)
        last = min(m.valid_to or end, end)
        days += max(0, (last - first).days + 1)
    return days


def hours_learned(on: date, *, hours_per_week: float = HOURS_PER_WEEK) -> dict[str, float]:
    start = on - timedelta(weeks=WINDOW_WEEKS)
    decided = (
        ApplicationFact.objects.filter(decided_on__gt=start, decided_on__lte=on)
        .exclude(unit="")
        .values("unit", "product")
        .annotate(n=Count("pk"))
    )
    by_unit: dict[str, dict[str, int]] = defaultdict(dict)
    for row in decided:
        by_unit[row["unit"]][row["product"]] = row["n"]
    weighted: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for unit in Unit.objects.filter(code__in=by_unit):
        total = sum(by_unit[unit.code].values())
        hours = _worker_days(unit, start + timedelta(days=1), on) / 7 * hours_per_week
        if not total or not hours:
            continue
        per_decision = hours / total
        for product, n in by_unit[unit.code].items():
            weighted[product][0] += per_decision * n
            weighted[product][1] += n
    return {p: round(h / n, 2) for p, (h, n) in weighted.items() if n}


def scenario_example(on: date) -> str:
    """A scenario to start from: this agency's own figures, or national ones without history."""
    start = on - timedelta(weeks=WINDOW_WEEKS)
    intake = {
        row["product"]: round(row["n"] / WINDOW_WEEKS, 1)
        for row in ApplicationFact.objects.filter(received_on__gt=start, received_on__lte=on)
        .values("product")
        .annotate(n=Count("pk"))
    }
    units = {}
    for unit in Unit.objects.filter(kind=Unit.Kind.INTEGRAL).order_by("code"):
        products = sorted(
            Product.objects.filter(process__in=unit.processes).values_list("code", flat=True)
        )
        staff = (
            Membership.objects.filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=on),
                unit=unit,
                valid_from__lte=on,
                user__groups__name__in=_WORKERS,
            )
            .values("user")
            .distinct()
            .count()
        )
        if products:
            units[unit.code] = {"staff": staff, "products": products}
    if not intake or not units:
        return _national_example()
    learned = hours_learned(on)
    stock = {
        row["product"]: row["n"]
        for row in ApplicationFact.objects.filter(ended_on__isnull=True)
        .values("product")
        .annotate(n=Count("pk"))
    }
    served = {p for u in units.values() for p in u["products"]}
    intake = {p: v for p, v in intake.items() if p in served}
    data = {
        "name": "Our figures, next 26 weeks",
        "weeks": 26,
        "start": _next_monday(on),
        "hours_per_week": HOURS_PER_WEEK,
        "seed": 1,
        "intake": intake,
        "stock": {p: n for p, n in stock.items() if p in served},
        "hours_per_application": {
            p: learned.get(p, DEFAULT_HOURS) for p in sorted(set(intake) | set(stock) & served)
        },
        "units": units,
        "what_if": _what_ifs(units, intake),
    }
    return _dump(data)


def _what_ifs(units: dict, intake: dict) -> list:
    codes = list(units)
    out = [
        {
            "name": f"10 extra staff in {codes[0]} from week 4",
            "changes": [{"unit": codes[0], "add_staff": 10, "from_week": 4}],
        }
    ]
    if len(codes) > 1 and units[codes[1]]["staff"] >= 2:
        out.append(
            {
                "name": f"Move 2 staff from {codes[1]} to {codes[0]}",
                "changes": [{"move_staff": 2, "from_unit": codes[1], "to_unit": codes[0]}],
            }
        )
    if "asylum" in intake:
        out.append(
            {
                "name": "Asylum surge of 50% in weeks 5 to 16",
                "changes": [
                    {"product": "asylum", "intake_factor": 1.5, "from_week": 5, "to_week": 16}
                ],
            }
        )
    return out


def _national_example() -> str:
    intake = {p: n for p, (n, _h) in NATIONAL.items()}
    hours = {p: h for p, (_n, h) in NATIONAL.items()}
    asylum = {"asylum"}
    regular = set(NATIONAL) - asylum - {"naturalisation"}
    data = {
        "name": "A national year (illustrative figures)",
        "weeks": 52,
        "hours_per_week": HOURS_PER_WEEK,
        "seed": 1,
        "intake": intake,
        "stock": {"asylum": 40000, "naturalisation": 15000, "family-partner": 10000},
        "hours_per_application": hours,
        "units": {
            "asylum-ter-apel": {"staff": 1350, "products": ["asylum"]},
            "asylum-den-bosch": {"staff": 900, "products": ["asylum"]},
            "naturalisation-zwolle": {"staff": 180, "products": ["naturalisation"]},
            "regular-zwolle": {"staff": 280, "products": sorted(regular)},
            "regular-rijswijk": {"staff": 220, "products": sorted(regular)},
        },
        "what_if": [
            {
                "name": "100 extra staff in Ter Apel from week 8",
                "changes": [{"unit": "asylum-ter-apel", "add_staff": 100, "from_week": 8}],
            },
            {
                "name": "Move 20 staff from Rijswijk to Den Bosch",
                "changes": [
                    {
                        "move_staff": 20,
                        "from_unit": "regular-rijswijk",
                        "to_unit": "asylum-den-bosch",
                    }
                ],
            },
            {
                "name": "Asylum surge of 50% in weeks 10 to 30",
                "changes": [
                    {"product": "asylum", "intake_factor": 1.5, "from_week": 10, "to_week": 30}
                ],
            },
        ],
    }
    return _dump(data)


def _next_monday(on: date) -> date:
    return on + timedelta(days=(7 - on.weekday()) % 7 or 7)


def _dump(data: dict) -> str:
    header = (
        "# A capacity scenario for `indigo simulate`. Numbers per week; staff are people\n"
        "# doing queue work; hours are productive hours. See indigo/planning/scenario.py.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
