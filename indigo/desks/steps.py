"""What the lifecycle's steps do at the desks (see `indigo.cases.lifecycle`).

Registered in `DesksConfig.ready()`; run inside the step's transaction.
"""

from indigo import clock
from indigo.cases import steps
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.desks.models import Appointment
from indigo.desks.services.wording import appointment_facts


@steps.effect("desks.cancel-appointments")
def cancel_appointments(step: steps.Step) -> None:
    """A withdrawn application needs no appointment: its seats are freed."""
    now = clock.now()
    booked = Appointment.objects.select_for_update().filter(
        application=step.application, state=Appointment.State.BOOKED, starts_at__gt=now
    )
    actor = step.actor if getattr(step.actor, "is_authenticated", False) else None
    for appointment in booked.select_related("desk", "appointment_type"):
        appointment.state = Appointment.State.CANCELLED
        appointment.cancelled_at = now
        appointment.cancelled_by = actor
        appointment.save(update_fields=["state", "cancelled_at", "cancelled_by"])
        event_record(
            application=step.application,
            actor=step.actor,
            action=EventKind.APPOINTMENT_CANCELLED,
            effective_on=step.on,
            payload=appointment_facts(appointment) | {"because": step.action},
        )
