"""Putting messages in the outbox and delivering them (see `indigo.outbox.models`)."""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django_tasks import task

from indigo import clock
from indigo.outbox.handlers import handler_for
from indigo.outbox.models import Message

logger = logging.getLogger(__name__)

# How long one delivery may hold a message before another worker may try it.
LEASE = timedelta(minutes=10)
MAX_BACKOFF = timedelta(hours=6)


def outbox_put(
    *, topic: str, key: str, payload: dict, application=None, max_attempts: int | None = None
) -> Message:
    """Write a message in the current transaction; delivered after the commit.

    Putting a key that is already there returns the message that has it (idempotent).
    `max_attempts` overrides the default (settings.INDIGO_OUTBOX_MAX_ATTEMPTS), e.g.
    for partner calls that must survive a long outage.
    """
    assert transaction.get_connection().in_atomic_block, "a message goes with its change"
    handler_for(topic)  # an unknown topic is a programming error: refuse it now
    now = clock.now()
    message, created = Message.objects.get_or_create(
        key=key,
        defaults={
            "topic": topic,
            "payload": payload,
            "application": application,
            "max_attempts": max_attempts or settings.INDIGO_OUTBOX_MAX_ATTEMPTS,
            "next_attempt_at": now,
            "created_at": now,
        },
    )
    if created:
        transaction.on_commit(partial(_enqueue, message.pk), robust=True)
    return message


def _enqueue(message_id: int) -> None:
    # The worker's task queue gets a nudge; if this fails, the periodic delivery of
    # due messages finds the message anyway.
    deliver.enqueue(message_id)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt: doubling from the first delay."""
    first = timedelta(seconds=settings.INDIGO_OUTBOX_RETRY_SECONDS)
    return min(first * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def outbox_deliver(*, message_id: int) -> Message:
    """Try to deliver one message now, if it is due and nobody else is delivering it.

    Never raises for a handler's failure: it is recorded on the message (with the
    traceback in the log), and the message waits for its next attempt or is dead.
    """
    now = clock.now()
    claimed = Message.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        pk=message_id,
        state=Message.State.PENDING,
        next_attempt_at__lte=now,
    ).update(claimed_until=now + LEASE, attempts=F("attempts") + 1)
    message = Message.objects.get(pk=message_id)
    if not claimed:
        return message
    try:
        note = handler_for(message.topic)(message)
    except Exception as exc:
        logger.exception("Outbox message %s (%s) failed", message.pk, message.topic)
        message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        message.claimed_until = None
        if message.attempts >= message.max_attempts:
            message.state = Message.State.DEAD
            logger.error(
                "Outbox message %s (%s) is dead after %s attempts",
                message.pk,
                message.topic,
                message.attempts,
            )
        else:
            message.next_attempt_at = clock.now() + backoff(message.attempts)
        message.save(update_fields=["last_error", "claimed_until", "state", "next_attempt_at"])
        return message
    message.state = Message.State.DELIVERED
    message.delivered_at = clock.now()
    message.claimed_until = None
    message.last_error = str(note or "")[:2000]
    message.save(update_fields=["state", "delivered_at", "claimed_until", "last_error"])
    return message


def outbox_deliver_due(*, limit: int = 500) -> dict[str, int]:
    """Deliver every message that is due (the periodic job; idempotent)."""
    counts = {"delivered": 0, "waiting": 0, "dead": 0}
    due = (
        Message.objects.filter(state=Message.State.PENDING, next_attempt_at__lte=clock.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in list(due):
        state = outbox_deliver(message_id=pk).state
        key = {"delivered": "delivered", "dead": "dead"}.get(state, "waiting")
        counts[key] += 1
    return counts


def outbox_retry(*, message: Message) -> Message:
    """A person tries a dead (or waiting) message again, with a fresh set of attempts."""
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.state == Message.State.DELIVERED:
            return message
        message.state = Message.State.PENDING
        message.attempts = 0
        message.next_attempt_at = clock.now()
        message.claimed_until = None
        message.save(update_fields=["state", "attempts", "next_attempt_at", "claimed_until"])
        transaction.on_commit(partial(_enqueue, message.pk), robust=True)
    return message


@task()
def deliver(message_id: int) -> str:
    """The worker's task (django-tasks): deliver one message."""
    return outbox_deliver(message_id=message_id).state
