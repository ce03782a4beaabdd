"""Application events as CloudEvents, following the NL GOV profile.

Structured JSON mode (`application/cloudevents+json`), one event per message.
`source` is a URN in the `nld` namespace naming the organisation by its OIN and then
the system (`settings.INDIGO_CLOUDEVENTS_SOURCE`); `type` is reverse-DNS named after
the data source (`nl.ind.indigo.application.decided`); `subject` is the application's
reference. No name, BSN or V-number goes into a context attribute, and `data` carries
only what any subscribed partner may see: the reference, the product, the status and
the day it happened. `id` is the application event's own persistent id, so a receiver
that remembers ids (or the `webhook-id`) sees each event once. `time` is when Indigo
recorded the event.
"""

from django.conf import settings

from indigo.cases.event_kinds import EventKind

PREFIX = "nl.ind.indigo."

# Which application events a partner can subscribe to, and their CloudEvent type.
EVENT_TYPES: dict[EventKind, str] = {
    EventKind.RECEIVED: PREFIX + "application.received",
    EventKind.SUSPENDED: PREFIX + "application.suspended",
    EventKind.RESUMED: PREFIX + "application.resumed",
    EventKind.EXTENDED: PREFIX + "application.extended",
    EventKind.NOTIFIED: PREFIX + "application.decided",
    EventKind.WITHDRAWN: PREFIX + "application.withdrawn",
    EventKind.CLOSED: PREFIX + "application.closed",
    EventKind.OBJECTION_LODGED: PREFIX + "objection.lodged",
    EventKind.OBJECTION_DECIDED: PREFIX + "objection.decided",
    EventKind.DOCUMENT_ISSUED: PREFIX + "residence-document.issued",
}
TYPES = frozenset(EVENT_TYPES.values())


def cloudevent_of(event) -> dict:
    application = event.application
    return {
        "specversion": "1.0",
        "id": f"{settings.INDIGO_CLOUDEVENTS_ID_PREFIX}{event.pk}",
        "source": settings.INDIGO_CLOUDEVENTS_SOURCE,
        "type": EVENT_TYPES[event.action],
        "subject": application.reference,
        "time": event.occurred_at.isoformat(),
        "datacontenttype": "application/json",
        "data": {
            "reference": application.reference,
            "product": application.product.code,
            "status": application.status,
            "effective_on": event.effective_on.isoformat(),
        },
    }
