"""Paying the fee: a pluggable payment provider, named in settings like Django's
authentication backends (`INDIGO_PAYMENT_PROVIDER`, a class path).

A provider does two things: it sends the applicant to its payment page (`start`), and
it says, server to server, what became of a payment (`state_of`). What the browser
brings back on return is never trusted on its own. The demo's
`SimulatedPaymentProvider` is a fake payment page inside the portal with "pay" and
"cancel"; a real provider (iDEAL through a payment service provider) implements the
same two methods, and its webhook calls `indigo.portal.services.payment_settle`.
"""

from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string

from indigo.portal.models import Payment

S = Payment.State
# Every allowed change of a payment's state. A final state never changes again.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.OPEN: frozenset({S.PAID, S.CANCELLED, S.FAILED, S.EXPIRED}),
    S.PAID: frozenset(),
    S.CANCELLED: frozenset(),
    S.FAILED: frozenset(),
    S.EXPIRED: frozenset(),
}


class PaymentProvider:
    """The interface every payment provider implements."""

    #: Shown to the applicant ("You pay with …").
    name = "payment provider"

    def start(self, *, payment: Payment, return_url: str) -> str:
        """Register the payment with the provider; return the URL of its payment page.

        May set `payment.provider_reference` (saved by the caller).
        """
        raise NotImplementedError

    def state_of(self, *, payment: Payment) -> str:
        """The payment's state as the provider knows it (one of Payment.State)."""
        raise NotImplementedError


class SimulatedPaymentProvider(PaymentProvider):
    """A fake payment page in the portal (demo and tests): nothing is paid for real.

    Its page settles the payment itself (as a real provider's webhook would), so
    `state_of` reads the state already stored.
    """

    name = "Simulated payment (demo)"

    def start(self, *, payment: Payment, return_url: str) -> str:
        payment.provider_reference = f"sim-{payment.reference}"
        return reverse("portal:simulated-payment", args=[payment.reference])

    def state_of(self, *, payment: Payment) -> str:
        return payment.state


@cache
def _provider_class(path: str) -> type[PaymentProvider]:
    return import_string(path)


def payment_provider() -> PaymentProvider:
    return _provider_class(settings.INDIGO_PAYMENT_PROVIDER)()


def simulated_payments_on() -> bool:
    return isinstance(payment_provider(), SimulatedPaymentProvider)
