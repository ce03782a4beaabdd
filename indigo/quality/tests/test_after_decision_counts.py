from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.appeals.services import appeal_lodge
from indigo.cases.tests.factories import make_application
from indigo.complaints.services import complaint_lodge
from indigo.decisions.models import Decision
from indigo.objections.services import objection_register
from indigo.penalties.services import notice_of_default_register
from indigo.penalties.tests.helpers import decide
from indigo.quality.after_decision import after_decision_counts

pytestmark = pytest.mark.usefixtures("catalog")


def test_complaints_objections_appeals_and_penalties_are_counted_for_a_period():
    caseworker = user_with_role("caseworker")
    with time_machine.travel(date(2026, 1, 5), tick=False):
        late = make_application(product="study", actor=caseworker)
    due = late.decision_due
    with time_machine.travel(due + timedelta(days=1), tick=False):
        notice_of_default_register(actor=caseworker, application=late, received_on=due)
        notice_of_default_register(
            actor=caseworker, application=late, received_on=due + timedelta(days=1)
        )
        refused = decide(
            make_application(product="study", actor=caseworker),
            actor=caseworker,
            outcome=Decision.Outcome.REFUSE,
        )
        objection_register(
            actor=caseworker, application=refused, lodged_on=due + timedelta(days=1), grounds="No."
        )
        asylum = decide(
            make_application(product="asylum", actor=caseworker),
            actor=caseworker,
            outcome=Decision.Outcome.REFUSE,
        )
        appeal_lodge(
            actor=caseworker,
            application=asylum,
            court="Rechtbank Den Haag",
            lodged_on=due + timedelta(days=1),
        )
        complaint_lodge(
            actor=caseworker,
            channel="desk",
            category="handling-time",
            description="Slow.",
            complainant_name="A",
            phone="0612345678",
        )

    counts = after_decision_counts(start=due - timedelta(days=30), end=due + timedelta(days=30))

    assert counts["complaints"]["received"] == 1
    assert counts["complaints"]["per_category"] == {"handling-time": 1}
    assert (counts["objections"]["lodged"], counts["objections"]["late"]) == (1, 0)
    assert counts["appeals"]["lodged"] == 1
    assert (counts["penalties"]["notices"], counts["penalties"]["premature"]) == (2, 1)
    # The valid notice of day+1 starts the penalty 14 days later; day+30 is its 16th day.
    assert counts["penalties"]["accrued_eur"] == Decimal(14 * 23 + 2 * 35)
