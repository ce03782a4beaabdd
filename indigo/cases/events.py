"""Writing application events (called only from inside a service's transaction)."""

from datetime import date

from django.db import transaction

from indigo import clock
from indigo.cases.models import Application, ApplicationEvent


def event_record(
    *,
    application: Application,
    actor,
    action: str,
    effective_on: date | None = None,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    payload: dict | None = None,
) -> ApplicationEvent:
    assert transaction.get_connection().in_atomic_block, "events are written inside the change"
    return ApplicationEvent.objects.create(
        application=application,
        occurred_at=clock.now(),
        effective_on=effective_on or clock.today(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        payload=payload or {},
    )
