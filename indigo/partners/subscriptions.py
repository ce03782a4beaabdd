"""Partners subscribe to what happens to applications; Indigo delivers each matching
event as a signed CloudEvent, at least once.

Delivery goes through the outbox: a message per subscription and event is written by
an event listener, so in the same transaction as the change (nothing is lost when the
receiver or Indigo itself is down, nothing is sent for a change that was rolled back).
The worker POSTs it signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
`webhook-signature`: HMAC-SHA256 with the subscription's secret, by the
`standardwebhooks` package), and retries with exponential back-off from
`INDIGO_OUTBOX_RETRY_SECONDS`. The `webhook-id` is the CloudEvent's id and stays the
same on every retry, so a receiver that checks it sees each event once. A delivery
that keeps failing ends dead in the outbox (the admin shows it and can retry it). A
receiver that answers 410 Gone ends its subscription.
"""

import base64
import json
import secrets
import urllib.error
import urllib.request
from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from standardwebhooks.webhooks import Webhook

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.cases.events import on_event
from indigo.catalog.models import Product
from indigo.errors import InvalidInput, NotAllowed
from indigo.outbox import handlers as outbox
from indigo.outbox.models import Message
from indigo.outbox.services import outbox_put
from indigo.partners.cloudevents import EVENT_TYPES, TYPES, cloudevent_of
from indigo.partners.models import Subscription

TOPIC = "partners.webhook"
FILTERS = frozenset({"product"})


class DeliveryFailed(Exception):
    pass


# --- subscribing -------------------------------------------------------------------------


def _check_partner(actor) -> None:
    if not has_role(actor, Role.PARTNER):
        raise NotAllowed("Only a partner agency may subscribe.")


def subscription_create(
    *, actor, url: str, event_types: list[str], filters: dict | None = None
) -> tuple[Subscription, str]:
    """A new subscription and its signing secret (returned this once only)."""
    _check_partner(actor)
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InvalidInput(
            "The URL must be an http or https address, e.g. https://partner.example/events.",
            field="url",
        )
    if not event_types or not isinstance(event_types, list):
        raise InvalidInput(
            f"Name one or more event types: {', '.join(sorted(TYPES))}.", field="event_types"
        )
    unknown = [t for t in event_types if t not in TYPES]
    if unknown:
        raise InvalidInput(
            f"Unknown event type(s) {', '.join(map(str, unknown))}; choose from: "
            f"{', '.join(sorted(TYPES))}.",
            field="event_types",
        )
    filters = filters or {}
    if not isinstance(filters, dict) or set(filters) - FILTERS:
        raise InvalidInput(f"Filters can only be: {', '.join(sorted(FILTERS))}.", field="filters")
    product = filters.get("product")
    if product is not None and not Product.objects.filter(code=product).exists():
        raise InvalidInput(f"There is no product {product!r}.", field="filters.product")
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    subscription = Subscription.objects.create(
        owner=actor,
        url=url,
        event_types=sorted(set(event_types)),
        filters=filters,
        secret=secret,
        created_at=clock.now(),
    )
    return subscription, secret


def subscriptions_of(*, actor):
    _check_partner(actor)
    return Subscription.objects.filter(owner=actor, ended_at__isnull=True)


def subscription_end(*, actor, subscription: Subscription, because: str = "deleted") -> None:
    if subscription.owner_id != actor.pk:
        raise NotAllowed("This is not your subscription.")
    Subscription.objects.filter(pk=subscription.pk, ended_at__isnull=True).update(
        ended_at=clock.now(), ended_because=because
    )


# --- delivering --------------------------------------------------------------------------


def _matches(subscription: Subscription, event, type_: str) -> bool:
    if type_ not in subscription.event_types:
        return False
    product = (subscription.filters or {}).get("product")
    return product is None or product == event.application.product.code


@on_event(*EVENT_TYPES)
def webhooks_queue(event) -> None:
    """Runs inside the change's transaction: one outbox message per matching
    subscription."""
    type_ = EVENT_TYPES[event.action]
    subscribed = Subscription.objects.filter(ended_at__isnull=True)
    cloudevent = None
    for subscription in subscribed:
        if not _matches(subscription, event, type_):
            continue
        cloudevent = cloudevent or cloudevent_of(event)
        outbox_put(
            topic=TOPIC,
            key=f"{TOPIC}:{subscription.public_id}:{event.pk}",
            payload={"subscription": subscription.pk, "event": cloudevent},
            application=event.application,
            max_attempts=settings.INDIGO_WEBHOOK_MAX_ATTEMPTS,
        )


def webhook_request(*, subscription: Subscription, cloudevent: dict) -> urllib.request.Request:
    body = json.dumps(cloudevent, separators=(",", ":")).encode()
    sent_at = clock.now().astimezone(UTC)
    signature = Webhook(subscription.secret).sign(
        msg_id=cloudevent["id"], timestamp=sent_at, data=body
    )
    return urllib.request.Request(
        subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/cloudevents+json; charset=utf-8",
            "webhook-id": cloudevent["id"],
            "webhook-timestamp": str(int(sent_at.timestamp())),
            "webhook-signature": signature,
        },
    )


@outbox.handler(TOPIC)
def webhook_deliver(message: Message) -> str:
    subscription = Subscription.objects.filter(pk=message.payload["subscription"]).first()
    if subscription is None or not subscription.active:
        return "subscription ended; not sent"
    request = webhook_request(subscription=subscription, cloudevent=message.payload["event"])
    timeout = settings.INDIGO_WEBHOOK_TIMEOUT_SECONDS
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        if exc.code == 410:
            with transaction.atomic():
                Subscription.objects.filter(pk=subscription.pk).update(
                    ended_at=clock.now(), ended_because="the receiver answered 410 Gone"
                )
            return "HTTP 410: the receiver ended the subscription"
        raise DeliveryFailed(f"{subscription.url}: HTTP {exc.code}") from exc
    except TimeoutError as exc:
        raise DeliveryFailed(f"{subscription.url}: no answer within {timeout} s") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryFailed(f"{subscription.url}: {getattr(exc, 'reason', exc)}") from exc


def deliveries_failing(*, subscription: Subscription):
    """Messages for this subscription that failed at least once and are not delivered."""
    return Message.objects.filter(
        topic=TOPIC,
        key__startswith=f"{TOPIC}:{subscription.public_id}:",
        attempts__gt=0,
    ).exclude(state=Message.State.DELIVERED)
