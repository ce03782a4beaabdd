"""Reads of the rules app: an application's facts, and parameters by date."""

from dataclasses import dataclass
from datetime import date

from indigo.cases.models import Application
from indigo.rules.models import Fact, Parameter
from indigo.rules.vocabulary import FACT_NAMES


@dataclass(frozen=True)
class FactEntry:
    """One fact of an application: the value that counts, and what was recorded before."""

    name: str
    label_en: str
    label_nl: str
    current: Fact
    earlier: tuple[Fact, ...]  # newest first

    def label(self, language: str) -> str:
        return self.label_nl if language.startswith("nl") else self.label_en


def facts_of(*, application: Application) -> list[FactEntry]:
    """The application's facts, the newest per name first, in vocabulary order."""
    by_name: dict[str, list[Fact]] = {}
    rows = (
        Fact.objects.filter(application=application)
        .select_related("recorded_by")
        .order_by("name", "-recorded_at", "-id")
    )
    for fact in rows:
        by_name.setdefault(fact.name, []).append(fact)
    order = {name: i for i, name in enumerate(FACT_NAMES)}
    entries = []
    for name in sorted(by_name, key=lambda n: (order.get(n, len(order)), n)):
        declared = FACT_NAMES.get(name)
        facts = by_name[name]
        entries.append(
            FactEntry(
                name=name,
                label_en=declared.label_en if declared else name,
                label_nl=declared.label_nl if declared else name,
                current=facts[0],
                earlier=tuple(facts[1:]),
            )
        )
    return entries


def parameter_in_force(*, key: str, on: date) -> Parameter | None:
    """The version of `key` in force on `on` (its value may be null: not found)."""
    return Parameter.objects.filter(key=key).in_force_on(on)
