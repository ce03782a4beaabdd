"""When a court annulled a decision and set a period for the new one, that period is
the application's decision due until the new decision is notified."""

from datetime import date

from indigo.cases import steps
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application


@steps.deadline_rule
def court_period(application: Application, due: date) -> date | None:
    if application.pk is None or application.status not in ACTIVE or not application.notified_on:
        return None
    from indigo.appeals.models import Appeal

    return (
        Appeal.objects.filter(
            application=application,
            new_decision_by__isnull=False,
            judgment_on__gte=application.notified_on,
        )
        .order_by("-judgment_on", "-id")
        .values_list("new_decision_by", flat=True)
        .first()
    )
