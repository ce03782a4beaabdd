"""How applications ended, as far as the sponsor signal needs to know.

A withdrawal is an application status. A refusal is a decision of the decisions app,
which sits above this one; its provider is named in settings (the default is
`indigo.decisions.selectors.refused_application_ids`):

    INDIGO_MISUSE_REFUSED_APPLICATIONS = "indigo.decisions.selectors.refused_application_ids"

with the signature: given application ids, return those refused (a decision that
refuses the application, not one later reversed on objection).
"""

from collections.abc import Collection

from indigo.cases.models import Application, Status
from indigo.misuse.conf import refused_applications_provider


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
