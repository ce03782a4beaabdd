"""Which applications were refused: the provider the misuse signals ask for."""

from datetime import date

import pytest

from indigo.decisions.selectors import refused_application_ids
from indigo.decisions.tests.factories import final_decision, make_application_for


@pytest.fixture
def notified(caseworker):
    def decide(application, outcome, on):
        decision = final_decision(application, caseworker, outcome=outcome)
        decision.notified_on = on
        decision.save(update_fields=["notified_on"])
        return application

    return decide


def test_an_application_whose_notified_decision_refuses_it_counts_as_refused(caseworker, notified):
    refused = notified(make_application_for(actor=caseworker), "refuse", date(2026, 7, 1))
    granted = notified(make_application_for(actor=caseworker), "grant", date(2026, 7, 1))

    assert refused_application_ids(application_ids=[refused.pk, granted.pk]) == {refused.pk}


def test_a_refusal_reversed_on_objection_no_longer_counts(caseworker, notified):
    application = notified(make_application_for(actor=caseworker), "refuse", date(2026, 6, 1))
    notified(application, "grant", date(2026, 7, 20))

    assert refused_application_ids(application_ids=[application.pk]) == set()


def test_a_refusal_not_yet_notified_does_not_count(caseworker):
    application = make_application_for(actor=caseworker)
    final_decision(application, caseworker, outcome="refuse")

    assert refused_application_ids(application_ids=[application.pk]) == set()
