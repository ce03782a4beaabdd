"""Reads of the partners app: calls of an application, what is still on its way."""

from indigo.partners.models import PartnerAttempt, PartnerCall
from indigo.rules.models import Fact


def latest_fact_value(*, application, name: str):
    fact = (
        Fact.objects.filter(application=application, name=name)
        .order_by("-recorded_at", "-id")
        .first()
    )
    return fact.value if fact is not None else None


def partner_calls_of(*, application) -> list[PartnerCall]:
    """The application's calls with their attempts (for the case page), newest first."""
    return list(
        PartnerCall.objects.filter(application=application)
        .prefetch_related("tries")
        .order_by("-requested_at", "-id")
    )


def partner_calls_waiting(*, application) -> list[PartnerCall]:
    return list(
        PartnerCall.objects.filter(application=application, state=PartnerCall.State.WAITING)
    )


def attempts_of(*, call: PartnerCall) -> list[PartnerAttempt]:
    return list(call.tries.all())
