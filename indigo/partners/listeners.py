"""How the partners app keeps in step with applications (registered in `ready()`)."""

from indigo.cases.event_kinds import EventKind
from indigo.cases.events import on_event
from indigo.partners import subscriptions  # noqa: F401  (the webhooks' listener and handler)
from indigo.partners.adapters import adapter_for
from indigo.partners.models import PartnerCall
from indigo.partners.services import partner_calls_plan
from indigo.rules.waiting import Waiting, waiting_source


@on_event(EventKind.RECEIVED, EventKind.FACT_RECORDED, EventKind.NOTIFIED)
def ask_partners(event) -> None:
    # A partner's own answer never makes another question necessary.
    if event.payload.get("source") == "partner":
        return
    partner_calls_plan(application=event.application)


@waiting_source
def facts_on_their_way(application) -> list[Waiting]:
    waiting = []
    for call in PartnerCall.objects.filter(
        application=application, state=PartnerCall.State.WAITING
    ):
        try:
            label = adapter_for(call.partner).label
        except LookupError:
            label = call.partner
        waiting += [
            Waiting(fact=name, partner=label, attempts=call.attempts, last_error=call.last_error)
            for name in call.facts
        ]
    return waiting
