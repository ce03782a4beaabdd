"""A partner that is down, too slow, or answers out of schema: the fact waits for the
partner with its attempts visible, the rules ask for judgement meanwhile, and after
recovery the call completes by itself through the outbox."""

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from indigo.outbox.models import Message
from indigo.partners.brp import simulated_answer
from indigo.partners.models import PartnerAttempt, PartnerCall
from indigo.rules.findings import Outcome
from indigo.rules.models import Fact
from indigo.rules.tests.factories import findings_of

pytestmark = pytest.mark.django_db


def brp_call(application):
    return PartnerCall.objects.get(application=application, partner="brp")


@pytest.mark.parametrize(
    ("fault", "outcome"), [("down", "down"), ("timeout", "timeout"), ("schema", "invalid")]
)
def test_a_fault_leaves_the_fact_waiting_for_the_partner_with_its_attempts(
    settings, family_application, deliver_outbox, fault, outcome
):
    settings.INDIGO_PARTNER_FAULTS = {"brp": fault}

    deliver_outbox()

    call = brp_call(family_application)
    assert call.state == PartnerCall.State.WAITING
    assert call.attempts == 1
    assert call.last_error.startswith(f"{outcome}:")
    assert list(call.tries.values_list("outcome", flat=True)) == [outcome]
    assert not Fact.objects.filter(application=family_application, name="sponsor_date_of_birth")
    message = Message.objects.get(key=f"partners.call:{call.request_id}")
    assert message.state == Message.State.PENDING


def test_meanwhile_the_rules_ask_for_judgement_not_for_the_applicant(
    settings, family_application, deliver_outbox
):
    settings.INDIGO_PARTNER_FAULTS = {"brp": "down", "income": "down"}
    deliver_outbox()

    finding = findings_of(family_application)["minimum-age"]

    assert finding.outcome is Outcome.JUDGEMENT
    assert finding.explanation_en.startswith("Waiting for a partner agency (BRP)")
    assert "Attempts so far: 1" in finding.explanation_en
    assert findings_of(family_application)["sponsor-income"].outcome is Outcome.JUDGEMENT


def test_after_recovery_every_pending_call_completes_by_itself(
    settings, family_application, deliver_outbox, traveller
):
    settings.INDIGO_PARTNER_FAULTS = {"brp": "down", "income": "timeout"}
    deliver_outbox()
    traveller.shift(timedelta(seconds=settings.INDIGO_OUTBOX_RETRY_SECONDS + 1))
    deliver_outbox()  # still down: a second attempt, waiting twice as long
    assert brp_call(family_application).attempts == 2

    settings.INDIGO_PARTNER_FAULTS = {}
    traveller.shift(timedelta(seconds=2 * settings.INDIGO_OUTBOX_RETRY_SECONDS + 1))
    counts = deliver_outbox()

    assert counts["delivered"] == 2
    assert not PartnerCall.objects.filter(
        application=family_application, state=PartnerCall.State.WAITING
    ).exists()
    assert Fact.objects.filter(application=family_application, name="sponsor_date_of_birth")
    assert findings_of(family_application)["minimum-age"].outcome is not Outcome.JUDGEMENT
    assert PartnerAttempt.objects.filter(partner="brp").count() == 3


class FakeBrp(BaseHTTPRequestHandler):
    """A Haal Centraal BRP on a local port: answers, fails or hangs as told."""

    mode = "answer"
    requests: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeBrp.requests.append((self.path, body, self.headers.get("X-Request-ID")))
        if FakeBrp.mode == "hang":
            time.sleep(1.5)  # longer than the client's time-out; it has gone by now
            return
        if FakeBrp.mode == "error":
            self.send_response(503)
            self.end_headers()
            return
        payload = json.dumps(simulated_answer(body)).encode()
        if FakeBrp.mode == "schema":
            payload = b'{"type": "RaadpleegMetBurgerservicenummer", "personen": "?"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def real_brp(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeBrp)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeBrp.mode, FakeBrp.requests = "answer", []
    settings.INDIGO_BRP_URL = f"http://127.0.0.1:{server.server_port}/haalcentraal/api/brp"
    settings.INDIGO_PARTNERS = {
        **settings.INDIGO_PARTNERS,
        "brp": "indigo.partners.brp.HaalCentraalBrp",
    }
    settings.INDIGO_PARTNER_TIMEOUT_SECONDS = 0.5
    yield FakeBrp
    server.shutdown()
    server.server_close()


def test_the_real_client_posts_a_haal_centraal_query_with_the_bsn_in_the_body(
    real_brp, family_application, deliver_outbox
):
    deliver_outbox()

    path, body, request_id = real_brp.requests[0]
    assert path == "/haalcentraal/api/brp/personen"
    assert body["type"] == "RaadpleegMetBurgerservicenummer"
    assert body["burgerservicenummer"] == [family_application.facts.get(name="sponsor_bsn").value]
    assert "geboorte.datum" in body["fields"]
    assert request_id == str(brp_call(family_application).request_id)
    assert brp_call(family_application).state == PartnerCall.State.ANSWERED


@pytest.mark.parametrize(
    ("mode", "outcome"), [("error", "down"), ("hang", "timeout"), ("schema", "invalid")]
)
def test_the_real_client_turns_each_fault_into_a_waiting_call(
    real_brp, family_application, deliver_outbox, mode, outcome
):
    real_brp.mode = mode

    deliver_outbox()

    call = brp_call(family_application)
    assert (call.state, call.attempts) == (PartnerCall.State.WAITING, 1)
    assert call.tries.get().outcome == outcome


def test_the_attempts_are_visible_on_the_case(settings, client, family_application, deliver_outbox):
    from django.urls import reverse

    from indigo.accounts.tests.factories import user_with_role

    settings.INDIGO_PARTNER_FAULTS = {"brp": "timeout"}
    deliver_outbox()
    client.force_login(user_with_role("admin"))

    html = client.get(
        reverse("staff:application-detail", args=[family_application.reference])
    ).content.decode()

    assert "Partner agencies" in html
    assert "Waiting for partner" in html
    assert "No answer in time" in html
    assert str(brp_call(family_application).request_id) in html
