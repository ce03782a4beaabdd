"""The decision due of an application in the objection phase is its objection's (Awb
7:10 with its advisory committee, adjournment and agreed postponement), until the
decision on the objection is notified."""

from datetime import date

from indigo.cases import steps
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application


@steps.deadline_rule
def objection_due(application: Application, due: date) -> date | None:
    if (
        application.pk is None
        or application.objection_period_ends is None
        or application.status not in ACTIVE
    ):
        return None
    from indigo.objections.models import Objection

    return (
        Objection.objects.filter(application=application)
        .order_by("-lodged_on", "-id")
        .values_list("decision_due", flat=True)
        .first()
    )
