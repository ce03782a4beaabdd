"""Subscriptions: signed CloudEvents, delivered at least once, through an outage."""

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from rest_framework.test import APIClient
from standardwebhooks.webhooks import Webhook

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.outbox.models import Message
from indigo.outbox.services import outbox_retry
from indigo.partners.models import Subscription

pytestmark = pytest.mark.django_db
RECEIVED = "nl.ind.indigo.application.received"


class Receiver(BaseHTTPRequestHandler):
    """A partner's webhook receiver that checks signatures and remembers webhook-ids."""

    mode = "ok"  # ok, error, hang
    secret = ""
    requests: list = []
    seen: dict = {}

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        event = Webhook(Receiver.secret).verify(body, dict(self.headers))
        Receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, event))
        if Receiver.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        # Processed (and remembered by webhook-id) before answering.
        Receiver.seen.setdefault(self.headers["webhook-id"], event)
        if Receiver.mode == "hang":
            time.sleep(1.0)
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class ReceiverServer:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        self.port = self.server.server_port
        self.thread = None

    def start(self):
        if self.server is None:
            self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Receiver)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.server = None


@pytest.fixture
def receiver(settings):
    Receiver.mode, Receiver.requests, Receiver.seen = "ok", [], {}
    server = ReceiverServer()
    server.start()
    settings.INDIGO_WEBHOOK_TIMEOUT_SECONDS = 0.5
    yield server
    if server.server is not None:
        server.stop()


@pytest.fixture
def partner():
    return user_with_role("partner", username="municipality")


@pytest.fixture
def api(partner):
    client = APIClient()
    client.force_authenticate(partner)
    return client


def subscribe(api, receiver, **extra):
    response = api.post(
        "/api/v1/subscriptions",
        {"url": f"http://127.0.0.1:{receiver.port}/events", "event_types": [RECEIVED], **extra},
        format="json",
    )
    assert response.status_code == 201, response.json()
    Receiver.secret = response.json()["secret"]
    return response.json()


def webhook_messages():
    return Message.objects.filter(topic="partners.webhook")


def test_an_event_is_delivered_as_a_signed_cloudevent_without_personal_data(
    api, receiver, traveller, deliver_outbox
):
    subscribe(api, receiver)
    application = make_application(product="family-partner", v_number="1234567890")

    deliver_outbox()

    headers, event = Receiver.requests[0]
    assert headers["content-type"].startswith("application/cloudevents+json")
    assert headers["webhook-id"] == event["id"]
    assert event["specversion"] == "1.0"
    assert event["type"] == RECEIVED
    assert event["source"].startswith("urn:nld:")
    assert event["subject"] == application.reference
    assert event["data"]["product"] == "family-partner"
    context = json.dumps({k: v for k, v in event.items() if k != "data"})
    person = application.applicant
    for personal in (person.surname, person.given_names, "1234567890"):
        assert personal not in json.dumps(event)
    assert "1234567890" not in context


def test_the_message_is_written_with_the_change_and_not_without_it(api, receiver, traveller):
    subscribe(api, receiver)

    with pytest.raises(RuntimeError), transaction.atomic():
        make_application(product="family-partner")
        assert webhook_messages().count() == 1
        raise RuntimeError("the change fails")

    assert not webhook_messages().exists()


def test_delivery_goes_through_an_outage_with_back_off_and_is_seen_once(
    settings, api, receiver, traveller, deliver_outbox
):
    subscribe(api, receiver)
    make_application(product="family-partner")
    message = webhook_messages().get()
    first_delay = timedelta(seconds=settings.INDIGO_OUTBOX_RETRY_SECONDS)

    Receiver.mode = "error"  # the receiver answers 500
    deliver_outbox()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("pending", 1)
    assert "HTTP 500" in message.last_error
    assert message.next_attempt_at == message.created_at + first_delay

    receiver.stop()  # the receiver is down altogether
    traveller.shift(first_delay)
    deliver_outbox()
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.next_attempt_at - message.created_at == first_delay * 3  # doubled

    receiver.start()
    Receiver.mode = "hang"  # it processes, but answers too late
    traveller.shift(first_delay * 2)
    deliver_outbox()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("pending", 3)

    Receiver.mode = "ok"
    traveller.shift(first_delay * 4)
    deliver_outbox()
    message.refresh_from_db()
    assert message.state == "delivered"
    ids = {headers["webhook-id"] for headers, _event in Receiver.requests}
    assert len(ids) == 1  # the same id on every retry
    assert len(Receiver.seen) == 1  # so the receiver handled the event once


def test_a_delivery_that_keeps_failing_is_dead_and_can_be_retried(
    settings, api, receiver, traveller, deliver_outbox
):
    settings.INDIGO_WEBHOOK_MAX_ATTEMPTS = 2
    subscribe(api, receiver)
    make_application(product="family-partner")
    Receiver.mode = "error"
    deliver_outbox()
    traveller.shift(timedelta(hours=1))
    deliver_outbox()
    message = webhook_messages().get()
    assert message.state == Message.State.DEAD

    Receiver.mode = "ok"
    outbox_retry(message=message)
    deliver_outbox()

    message.refresh_from_db()
    assert message.state == Message.State.DELIVERED


def test_the_secret_is_returned_once(api, receiver, traveller):
    created = subscribe(api, receiver)

    listed = api.get("/api/v1/subscriptions").json()["results"]
    one = api.get(f"/api/v1/subscriptions/{created['id']}").json()

    assert created["secret"].startswith("whsec_")
    assert [s["id"] for s in listed] == [created["id"]]
    assert "secret" not in listed[0]
    assert "secret" not in one


def test_a_deleted_subscription_gets_nothing_more(api, receiver, traveller, deliver_outbox):
    created = subscribe(api, receiver)

    assert api.delete(f"/api/v1/subscriptions/{created['id']}").status_code == 204
    make_application(product="family-partner")
    deliver_outbox()

    assert Receiver.requests == []
    assert api.get("/api/v1/subscriptions").json()["results"] == []


def test_a_filter_narrows_to_a_product(api, receiver, traveller, deliver_outbox):
    subscribe(api, receiver, filters={"product": "family-child"})

    make_application(product="family-partner")

    assert not webhook_messages().exists()


def test_another_partners_subscription_is_not_found(api, receiver, traveller):
    created = subscribe(api, receiver)
    other = APIClient()
    other.force_authenticate(user_with_role("partner"))

    assert other.get(f"/api/v1/subscriptions/{created['id']}").status_code == 404
    assert other.delete(f"/api/v1/subscriptions/{created['id']}").status_code == 404
    assert Subscription.objects.get().ended_at is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://partner.example/x", "event_types": [RECEIVED]}, "url"),
        ({"url": "javascript:alert(1)", "event_types": [RECEIVED]}, "url"),
        ({"url": "https://partner.example/x", "event_types": ["nl.other.thing"]}, "event_types"),
        ({"url": "https://partner.example/x", "event_types": []}, "event_types"),
        (
            {
                "url": "https://partner.example/x",
                "event_types": [RECEIVED],
                "filters": {"product": "nope"},
            },
            "filters.product",
        ),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, traveller, body, field):
    response = api.post("/api/v1/subscriptions", body, format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == field
    assert not Subscription.objects.exists()


def test_only_partners_subscribe(traveller):
    client = APIClient()
    client.force_authenticate(user_with_role("applicant"))

    response = client.post(
        "/api/v1/subscriptions",
        {"url": "https://x.example/e", "event_types": [RECEIVED]},
        format="json",
    )

    assert response.status_code == 403
