"""Bringing an application to a notified decision (for the tests of what follows it)."""

from indigo.cases.services import application_act
from indigo.decisions.models import Decision
from indigo.decisions.tests.factories import final_decision, to_decision


def decide(application, *, actor, outcome=Decision.Outcome.GRANT):
    """Propose, decide and notify: the decision is given today."""
    application = to_decision(application, actor)
    final_decision(application, actor, outcome=outcome)
    return application_act(actor=actor, application=application, action="notify")
