"""Facts that are on their way: asked of a partner agency that has not answered yet.

The rules do not know how facts are fetched. An app that fetches them (the partner
adapters, `indigo.partners`) registers a source from its `AppConfig.ready()` that says,
per application, which facts it is still waiting for and why. While a fact is on its
way the rules do not ask the applicant for it: the condition needs the caseworker's
judgement (who may wait for the answer or decide without it).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Waiting:
    """A fact asked of a partner that has not answered (yet)."""

    fact: str
    partner: str  # the partner's label, e.g. "BRP (Haal Centraal)"
    attempts: int
    last_error: str = ""


WaitingSource = Callable[[object], list[Waiting]]
_sources: list[WaitingSource] = []


def waiting_source(source: WaitingSource) -> WaitingSource:
    """Register a source of facts on their way (a decorator; idempotent)."""
    if source not in _sources:
        _sources.append(source)
    return source


def waiting_for(application) -> dict[str, Waiting]:
    """The facts of the application still on their way, by name."""
    found: dict[str, Waiting] = {}
    for source in _sources:
        for waiting in source(application):
            found.setdefault(waiting.fact, waiting)
    return found
