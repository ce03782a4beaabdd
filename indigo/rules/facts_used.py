"""Which facts a product's rule set reads, found in its source.

The fact picker offers only these (an asylum "protection need" has no place on a study
case). A rule set names its facts as string literals, in its conditions or in the
helpers they call; those literals that are fact names of the vocabulary are its facts.
"""

import ast
import inspect
import textwrap
from functools import cache

from indigo.rules.registry import RuleSet, rule_set_for
from indigo.rules.vocabulary import FACT_NAMES


def _literals_and_calls(function) -> tuple[set[str], set[str]]:
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return set(), set()
    literals, calls = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            literals.add(node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.add(node.func.id)
    return literals, calls


def _facts_read(function, seen: set) -> set[str]:
    if function in seen or not inspect.isfunction(function):
        return set()
    seen.add(function)
    literals, calls = _literals_and_calls(function)
    found = {name for name in literals if name in FACT_NAMES}
    for name in calls:
        called = function.__globals__.get(name)
        if inspect.isfunction(called) and called.__module__.startswith("indigo.rules"):
            found |= _facts_read(called, seen)
    return found


@cache
def facts_of_rule_set(rules: RuleSet) -> frozenset[str]:
    seen: set = set()
    found = _facts_read(rules.conditions, seen)
    if rules.validity is not None:
        found |= _facts_read(rules.validity, seen)
    return frozenset(found)


def facts_of_version(*, product: str, version_valid_from) -> list[str]:
    """The fact names the product version's rules read, in the vocabulary's order
    (every fact when the product has no rule set)."""
    try:
        rules = rule_set_for(product=product, version_valid_from=version_valid_from)
    except LookupError:
        return list(FACT_NAMES)
    used = facts_of_rule_set(rules)
    return [name for name in FACT_NAMES if name in used]
