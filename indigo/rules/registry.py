"""Rule sets are code, registered per product from a date.

A rule set applies to the product versions whose `valid_from` is on or after its own
`valid_from` (until a newer rule set takes over). When the law changes only a number,
that is a parameter change (data), not a new rule set.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from indigo.rules.findings import Finding


@dataclass(frozen=True)
class Validity:
    """How long a granted residence permit is valid."""

    valid_from: date
    valid_until: date
    basis: str  # plain words: why this end date


@dataclass(frozen=True)
class RuleSet:
    product: str
    valid_from: date
    conditions: Callable[..., list[Finding]]
    validity: Callable[..., Validity | None] | None = None


_REGISTRY: dict[str, list[RuleSet]] = {}


class NoRuleSet(LookupError):
    pass


def rule_set(product: str, *, valid_from: date, validity=None):
    """Register `conditions(ctx) -> list[Finding]` for `product` from `valid_from`."""

    def register(conditions):
        sets = _REGISTRY.setdefault(product, [])
        if any(s.valid_from == valid_from for s in sets):
            raise ValueError(f"Two rule sets for {product} from {valid_from}")
        sets.append(RuleSet(product, valid_from, conditions, validity))
        sets.sort(key=lambda s: s.valid_from)
        return conditions

    return register


def rule_set_for(*, product: str, version_valid_from: date) -> RuleSet:
    candidates = [s for s in _REGISTRY.get(product, []) if s.valid_from <= version_valid_from]
    if not candidates:
        raise NoRuleSet(f"No rule set for product {product} on {version_valid_from}")
    return candidates[-1]


def registered_products() -> set[str]:
    return set(_REGISTRY)
