"""The registry behind the lifecycle table: what each named guard, change and effect does.

Apps fill it from their `AppConfig.ready()` by importing a module of theirs that
registers functions under the names the table uses (`indigo.cases.lifecycle`):

    @steps.effect("work.open-handle-task")
    def open_handle_task(step: Step) -> None: ...

A name is prefixed with the app that provides it. Guards may refuse the step by
raising a DomainError; changes return fields for the event's payload; effects run
after the event is written. All run inside the step's transaction, in the order the
table lists them; none may call a partner or render a document (use the outbox).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from indigo.cases.lifecycle import TRANSITIONS, Transition
from indigo.cases.models import Application


@dataclass
class Step:
    """One step being taken: what every guard, change and effect is given."""

    application: Application
    transition: Transition
    actor: object
    on: date  # the day the step happened (may be earlier than today: paper)
    reason: str = ""
    from_status: str = ""
    # Inputs some steps need: the end of a repair period, the ground of a suspension.
    options: dict = field(default_factory=dict)

    @property
    def action(self) -> str:
        return self.transition.action


Guard = Callable[[Step], None]
Change = Callable[[Step], dict | None]
Effect = Callable[[Step], None]

_guards: dict[str, Guard] = {}
_changes: dict[str, Change] = {}
_effects: dict[str, Effect] = {}
_deadline_listeners: list[Callable[[Application], None]] = []
_deadline_rules: list[Callable[[Application, date], date | None]] = []


def _register(table: dict, name: str):
    def decorator(function):
        known = table.get(name)
        if known is not None and known is not function:
            raise ValueError(f"Step {name!r} is registered twice ({known} and {function}).")
        table[name] = function
        return function

    return decorator


def guard(name: str):
    return _register(_guards, name)


def change(name: str):
    return _register(_changes, name)


def effect(name: str):
    return _register(_effects, name)


def on_deadline_moved(listener: Callable[[Application], None]):
    """Register a function called when a sweep moved an application's deadline."""
    if listener not in _deadline_listeners:
        _deadline_listeners.append(listener)
    return listener


def deadline_rule(rule: Callable[[Application, date], date | None]):
    """Register a function that may set the decision due of an application in a phase
    its app owns (an adjourned objection, a period set by a court): given the
    application and the due date the catalog gives, it returns the due date or None to
    leave it. Called by `indigo.cases.deadline.compute_decision_due`."""
    if rule not in _deadline_rules:
        _deadline_rules.append(rule)
    return rule


def deadline_from_rules(application: Application, due: date) -> date:
    for rule in _deadline_rules:
        due = rule(application, due) or due
    return due


def run_guards(step: Step) -> None:
    for name in step.transition.guards:
        _guards[name](step)


def run_changes(step: Step) -> dict:
    payload: dict = {}
    for name in step.transition.changes:
        payload |= _changes[name](step) or {}
    return payload


def run_effects(step: Step) -> None:
    for name in step.transition.effects:
        _effects[name](step)


def deadline_moved(application: Application) -> None:
    for listener in _deadline_listeners:
        listener(application)


def unregistered() -> list[str]:
    """Names the table uses that no app provides as that kind of step (a system check
    reports them at start-up)."""
    missing = set()
    for transition in TRANSITIONS.values():
        for names, table in (
            (transition.guards, _guards),
            (transition.changes, _changes),
            (transition.effects, _effects),
        ):
            missing |= {name for name in names if name not in table}
    return sorted(missing)


def unused() -> list[str]:
    """Registered names the table never uses."""
    used = {n for t in TRANSITIONS.values() for n in (*t.guards, *t.changes, *t.effects)}
    return sorted((set(_guards) | set(_changes) | set(_effects)) - used)
