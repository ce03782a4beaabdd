"""The penalty for a late decision (Awb 4:17), read from `data/penalty.yaml`.

The simulation's *penalty exposure* is an upper bound: it assumes every applicant
whose decision is late sends a notice of default the day after the legal period
ends, so the penalty starts `grace_days` later and runs until the decision.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

FILE = Path(__file__).parent / "data" / "penalty.yaml"


@dataclass(frozen=True)
class PenaltyRule:
    valid_from: date
    source: str
    grace_days: int
    max_days: int
    per_day: tuple[int, int, int]
    exempt_processes: frozenset[str]

    def amount(self, days_late: float) -> float:
        """EUR owed for a decision `days_late` days after the legal period ended."""
        days = min(self.max_days, max(0, int(days_late) - self.grace_days))
        first, second, third = self.per_day
        return (
            first * min(days, 14) + second * min(max(days - 14, 0), 14) + third * max(days - 28, 0)
        )


@cache
def _rules() -> tuple[PenaltyRule, ...]:
    rows = yaml.safe_load(FILE.read_text())
    return tuple(
        sorted(
            (
                PenaltyRule(
                    valid_from=row["valid_from"],
                    source=" ".join(row["source"].split()),
                    grace_days=row["grace_days"],
                    max_days=row["max_days"],
                    per_day=tuple(row["per_day"]),
                    exempt_processes=frozenset(row.get("exempt_processes") or ()),
                )
                for row in rows
            ),
            key=lambda rule: rule.valid_from,
        )
    )


def penalty_rule_on(day: date) -> PenaltyRule:
    in_force = [rule for rule in _rules() if rule.valid_from <= day]
    if not in_force:
        raise LookupError(f"no penalty rule in force on {day}")
    return in_force[-1]
