"""Writing application events (called only from inside a service's transaction).

Other apps react to events through listeners registered in their `AppConfig.ready()`
(`on_event`); a listener runs inside the same transaction, so what it writes — an
e-mail in the outbox, say — exists exactly when the event does. A listener must not
do anything slow or leave the process: that is what the outbox and the worker are for.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from django.db import transaction

from indigo import clock
from indigo.audit.chain import chain_seal
from indigo.cases.event_kinds import EventKind, payload_check
from indigo.cases.models import Application, ApplicationEvent

Listener = Callable[[ApplicationEvent], None]
_listeners: dict[EventKind, list[Listener]] = defaultdict(list)


def on_event(*kinds: EventKind) -> Callable[[Listener], Listener]:
    """Register a listener for events of these kinds (a decorator)."""

    def register(listener: Listener) -> Listener:
        for kind in kinds:
            if listener not in _listeners[EventKind(kind)]:
                _listeners[EventKind(kind)].append(listener)
        return listener

    return register


def event_record(
    *,
    application: Application,
    actor,
    action: EventKind,
    effective_on: date | None = None,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    payload: dict | None = None,
) -> ApplicationEvent:
    assert transaction.get_connection().in_atomic_block, "events are written inside the change"
    kind = payload_check(action, payload or {})
    event = ApplicationEvent(
        application=application,
        occurred_at=clock.now(),
        effective_on=effective_on or clock.today(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=kind.value,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        payload=payload or {},
    )
    # The next link of this application's chain (locks its head); receipt starts it.
    chain_seal(event, new_chain=kind == EventKind.RECEIVED)
    event.save(force_insert=True)
    for listener in _listeners.get(kind, ()):
        listener(event)
    return event
