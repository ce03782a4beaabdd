"""Foreign Affairs: a notified grant sends the mvv to the embassy; issuance comes back."""

import pytest

from indigo.cases.event_kinds import EventKind
from indigo.cases.services import application_act
from indigo.decisions.tests.factories import final_decision, to_decision
from indigo.partners.models import PartnerCall

pytestmark = pytest.mark.django_db


def notified(application, caseworker, outcome="grant"):
    application = to_decision(application, caseworker)
    final_decision(application, caseworker, outcome=outcome)
    return application_act(actor=caseworker, application=application, action="notify")


def mvv_calls(application):
    return PartnerCall.objects.filter(application=application, partner="foreign-affairs")


def test_a_notified_grant_sends_the_mvv_to_foreign_affairs(
    family_application, caseworker, deliver_outbox
):
    notified(family_application, caseworker)

    call = mvv_calls(family_application).get()
    assert call.subject["reference"] == family_application.reference
    deliver_outbox()
    call.refresh_from_db()
    assert call.state == PartnerCall.State.ANSWERED
    assert family_application.events.filter(
        action=EventKind.PARTNER_ASKED, payload__partner="foreign-affairs"
    ).exists()


def test_a_refusal_sends_nothing(family_application, caseworker):
    notified(family_application, caseworker, outcome="refuse")

    assert not mvv_calls(family_application).exists()


def test_foreign_affairs_down_waits_and_is_visible(
    settings, family_application, caseworker, deliver_outbox
):
    settings.INDIGO_PARTNER_FAULTS = {"foreign-affairs": "down"}
    notified(family_application, caseworker)

    deliver_outbox()

    call = mvv_calls(family_application).get()
    assert (call.state, call.attempts) == (PartnerCall.State.WAITING, 1)
