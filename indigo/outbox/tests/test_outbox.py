"""The outbox: written with the change, delivered after it, retried, dead, retried by hand."""

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction

from indigo.outbox import handlers
from indigo.outbox.handlers import UnknownTopic
from indigo.outbox.models import Message
from indigo.outbox.services import (
    backoff,
    outbox_deliver,
    outbox_deliver_due,
    outbox_put,
    outbox_retry,
)

calls: list[dict] = []
failures: list[Exception] = []


@handlers.handler("test.record")
def record(message) -> str:
    if failures:
        raise failures.pop(0)
    calls.append(message.payload)
    return "recorded"


@pytest.fixture(autouse=True)
def _clean():
    calls.clear()
    failures.clear()
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False) as traveller:
        yield traveller


def put(key="k1", payload=None):
    with transaction.atomic():
        return outbox_put(topic="test.record", key=key, payload=payload or {"n": 1})


@pytest.mark.django_db(transaction=True)
def test_a_message_is_written_only_inside_the_change():
    with pytest.raises(AssertionError, match="goes with its change"):
        outbox_put(topic="test.record", key="k", payload={})


@pytest.mark.django_db
def test_an_unknown_topic_is_refused_when_it_is_written():
    with pytest.raises(UnknownTopic, match=r"test\.nobody"), transaction.atomic():
        outbox_put(topic="test.nobody", key="k", payload={})
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_the_same_key_is_one_message():
    first = put()
    second = put()

    assert first == second
    assert Message.objects.count() == 1


@pytest.mark.django_db
def test_a_message_is_delivered_once(deliver_outbox):
    message = put()

    assert deliver_outbox() == {"delivered": 1, "waiting": 0, "dead": 0}
    assert deliver_outbox() == {"delivered": 0, "waiting": 0, "dead": 0}

    message.refresh_from_db()
    assert calls == [{"n": 1}]
    assert (message.state, message.attempts, message.last_error) == ("delivered", 1, "recorded")


@pytest.mark.django_db
def test_a_failure_waits_doubling_from_the_first_delay(settings, _clean):
    settings.INDIGO_OUTBOX_RETRY_SECONDS = 30
    message = put()
    failures.extend([ConnectionError("partner down"), TimeoutError("slow")])

    outbox_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.next_attempt_at - message.created_at == timedelta(seconds=30)
    assert message.last_error == "ConnectionError: partner down"

    outbox_deliver(message_id=message.pk)  # too early: nothing happens
    assert Message.objects.get(pk=message.pk).attempts == 1

    _clean.shift(timedelta(seconds=30))
    outbox_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at - message.created_at == timedelta(seconds=30 + 60)

    _clean.shift(timedelta(seconds=60))
    outbox_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("delivered", 3)


def test_the_back_off_doubles_and_is_capped(settings):
    settings.INDIGO_OUTBOX_RETRY_SECONDS = 30

    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(30) == timedelta(hours=6)


@pytest.mark.django_db
def test_a_message_that_keeps_failing_is_dead_and_a_person_can_retry_it(settings, _clean):
    settings.INDIGO_OUTBOX_MAX_ATTEMPTS = 2
    message = put()
    failures.extend([OSError("one"), OSError("two")])

    outbox_deliver(message_id=message.pk)
    _clean.shift(timedelta(minutes=5))
    outbox_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert (message.state, message.last_error) == ("dead", "OSError: two")
    assert outbox_deliver_due() == {"delivered": 0, "waiting": 0, "dead": 0}

    outbox_retry(message=message)
    outbox_deliver_due()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("delivered", 1)
    assert calls == [{"n": 1}]


@pytest.mark.django_db
def test_a_message_being_delivered_is_not_taken_by_a_second_worker(_clean):
    message = put()
    Message.objects.filter(pk=message.pk).update(
        claimed_until=message.created_at + timedelta(minutes=10)
    )

    outbox_deliver(message_id=message.pk)
    assert calls == []

    _clean.shift(timedelta(minutes=11))  # the first worker died: its claim runs out
    outbox_deliver(message_id=message.pk)
    assert calls == [{"n": 1}]


@pytest.mark.django_db(transaction=True)
def test_after_the_commit_the_message_is_delivered_at_once():
    put()

    assert calls == [{"n": 1}]
    assert Message.objects.get().state == "delivered"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_message():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox_put(topic="test.record", key="k", payload={})
        raise RuntimeError("the change failed")

    assert not Message.objects.exists()
    assert calls == []


@pytest.mark.django_db
def test_an_administrator_sees_a_dead_message_and_tries_it_again(admin_client, settings):
    settings.INDIGO_OUTBOX_MAX_ATTEMPTS = 1
    message = put()
    failures.append(OSError("receiver said 500"))
    outbox_deliver(message_id=message.pk)

    listing = admin_client.get("/admin/outbox/message/?state__exact=dead").content.decode()
    assert "test.record" in listing
    admin_client.post(
        "/admin/outbox/message/", {"action": "retry", "_selected_action": [message.pk]}
    )

    message.refresh_from_db()
    assert message.state == "pending" and message.attempts == 0
