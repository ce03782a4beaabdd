"""How applications ended, as far as the sponsor signal needs to know.

A withdrawal is an application status. A refusal is a decision, and Indigo does not
record decision outcomes yet: the `notify` event carries no outcome and the proposal
is free text, which a signal must not guess from. So the default provider below knows
of no refusals, and until a decisions app exists only withdrawals count.

A decisions app plugs in by naming its own provider in settings:

    INDIGO_MISUSE_REFUSED_APPLICATIONS = "indigo.decisions.selectors.refused_application_ids"

with the same signature: given application ids, return those refused (a decision that
refuses the application, not one later reversed on objection).
"""

from collections.abc import Collection

from indigo.cases.models import Application, Status
from indigo.misuse.conf import refused_applications_provider


def refused_application_ids(*, application_ids: Collection[int]) -> set[int]:
    """The default provider: no decision outcomes are recorded yet, so none."""
    return set()


def withdrawn_application_ids(*, application_ids: Collection[int]) -> set[int]:
    return set(
        Application.objects.filter(pk__in=application_ids, status=Status.WITHDRAWN).values_list(
            "pk", flat=True
        )
    )


def refused(*, application_ids: Collection[int]) -> set[int]:
    """Refused applications among `application_ids`, from the configured provider."""
    if not application_ids:
        return set()
    return set(refused_applications_provider()(application_ids=application_ids))
