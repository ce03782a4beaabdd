"""Paying the fee through the payment provider interface (simulated in the demo)."""

import pytest
from django.urls import reverse

from indigo import clock
from indigo.accounts.tests.factories import user_with_role
from indigo.errors import Conflict
from indigo.portal import services
from indigo.portal.models import Draft, Payment
from indigo.portal.payments import TRANSITIONS, PaymentProvider
from indigo.portal.selectors import offer_for
from indigo.portal.tests.helpers import (
    FAMILY_PARTNER_ANSWERS,
    fill_until_documents,
    pay,
    step_url,
    upload_required,
)

pytestmark = pytest.mark.usefixtures("catalog", "on_a_monday")

PRODUCT = "family-partner"


@pytest.fixture
def at_the_fee(portal):
    fill_until_documents(portal, PRODUCT, FAMILY_PARTNER_ANSWERS)
    upload_required(portal, offer_for(product_code=PRODUCT, on=clock.today()))
    return portal


def test_paying_sends_the_applicant_to_the_providers_page(at_the_fee):
    response = at_the_fee.post(step_url(PRODUCT, "fee"))

    payment = Payment.objects.get()
    assert payment.state == Payment.State.OPEN
    assert str(payment.amount_eur) == "243.00"
    assert response["Location"] == reverse("portal:simulated-payment", args=[payment.reference])
    assert payment.provider_reference == f"sim-{payment.reference}"


def test_a_paid_fee_completes_the_step_and_leads_to_the_check(at_the_fee):
    response = pay(at_the_fee, PRODUCT)

    assert response["Location"] == step_url(PRODUCT, "check")
    payment = Payment.objects.get()
    assert payment.state == Payment.State.PAID
    assert payment.paid_at is not None
    assert "fee" in Draft.objects.get().completed_steps


def test_a_cancelled_payment_pays_nothing_and_can_be_tried_again(at_the_fee):
    response = pay(at_the_fee, PRODUCT, outcome="cancel")

    assert response["Location"] == step_url(PRODUCT, "fee")
    assert Payment.objects.get().state == Payment.State.CANCELLED
    assert "fee" not in Draft.objects.get().completed_steps
    html = at_the_fee.get(step_url(PRODUCT, "fee")).content.decode()
    assert "Nothing was paid" in html
    assert pay(at_the_fee, PRODUCT)["Location"] == step_url(PRODUCT, "check")


def test_a_new_payment_replaces_one_left_open(at_the_fee):
    at_the_fee.post(step_url(PRODUCT, "fee"))
    at_the_fee.post(step_url(PRODUCT, "fee"))

    states = sorted(Payment.objects.values_list("state", flat=True))
    assert states == [Payment.State.EXPIRED, Payment.State.OPEN]


def test_a_final_payment_state_never_changes(at_the_fee):
    pay(at_the_fee, PRODUCT)
    payment = Payment.objects.get()

    with pytest.raises(Conflict):
        services.payment_settle(payment=payment, state=Payment.State.CANCELLED)
    # Hearing the same news twice is harmless.
    assert services.payment_settle(payment=payment, state=Payment.State.PAID).state == "paid"


def test_every_state_has_its_allowed_next_states():
    assert set(TRANSITIONS) == set(Payment.State.values)
    assert all(not TRANSITIONS[s] for s in Payment.State.values if s != Payment.State.OPEN)


def test_paying_twice_is_refused(at_the_fee):
    pay(at_the_fee, PRODUCT)

    at_the_fee.post(step_url(PRODUCT, "fee"))

    assert Payment.objects.count() == 1


def test_someone_elses_payment_page_is_not_found(at_the_fee, client):
    at_the_fee.post(step_url(PRODUCT, "fee"))
    payment = Payment.objects.get()
    client.force_login(user_with_role("applicant"))

    url = reverse("portal:simulated-payment", args=[payment.reference])
    assert client.get(url).status_code == 404
    assert client.post(url, {"outcome": "pay"}).status_code == 404
    assert Payment.objects.get().state == Payment.State.OPEN


def test_the_simulated_page_exists_only_with_the_simulated_provider(at_the_fee, settings):
    at_the_fee.post(step_url(PRODUCT, "fee"))
    payment = Payment.objects.get()
    settings.INDIGO_PAYMENT_PROVIDER = "indigo.portal.tests.test_payments.RealProvider"

    response = at_the_fee.post(
        reverse("portal:simulated-payment", args=[payment.reference]), {"outcome": "pay"}
    )

    assert response.status_code == 404
    assert Payment.objects.get().state == Payment.State.OPEN


def test_the_return_asks_the_provider_not_the_browser(at_the_fee, settings):
    at_the_fee.post(step_url(PRODUCT, "fee"))
    payment = Payment.objects.get()
    settings.INDIGO_PAYMENT_PROVIDER = "indigo.portal.tests.test_payments.RealProvider"
    RealProvider.answer = Payment.State.FAILED

    at_the_fee.get(reverse("portal:payment-return", args=[payment.reference]) + "?status=paid")

    assert Payment.objects.get().state == Payment.State.FAILED


class RealProvider(PaymentProvider):
    """A stand-in for a real provider: answers what it is told to."""

    name = "Test provider"
    answer = Payment.State.OPEN

    def start(self, *, payment, return_url):
        return "https://pay.example/checkout"

    def state_of(self, *, payment):
        return self.answer
