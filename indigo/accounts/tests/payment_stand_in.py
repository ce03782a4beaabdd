"""A stand-in for a real payment provider in the production-settings check (the
simulated provider is rightly a deployment warning)."""

from indigo.portal.payments import SimulatedPaymentProvider


class ContractedProvider(SimulatedPaymentProvider):
    pass
