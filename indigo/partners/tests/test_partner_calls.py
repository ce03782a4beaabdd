"""Asking partners: planned with the change, asked by the worker, answers as facts."""

from datetime import date

import pytest

from indigo.cases.event_kinds import EventKind
from indigo.outbox.models import Message
from indigo.partners.brp import simulated_person
from indigo.partners.income import simulated_income
from indigo.partners.models import PartnerAttempt, PartnerCall
from indigo.partners.tests.conftest import SPONSOR_BSN
from indigo.rules.models import Fact
from indigo.rules.tests.factories import findings_of

pytestmark = pytest.mark.django_db


def test_recording_the_sponsors_bsn_asks_the_brp_and_the_income_register(family_application):
    calls = {c.partner: c for c in PartnerCall.objects.filter(application=family_application)}

    assert set(calls) == {"brp", "income"}
    assert calls["brp"].subject == {"bsn": SPONSOR_BSN}
    assert calls["brp"].state == PartnerCall.State.WAITING
    assert Message.objects.filter(topic="partners.call").count() == 2
    asked = family_application.events.filter(action=EventKind.PARTNER_ASKED)
    assert asked.count() == 2


def test_an_application_without_a_bsn_asks_nobody(caseworker, traveller):
    from indigo.cases.tests.factories import make_application

    application = make_application(product="family-partner", actor=caseworker)

    assert not PartnerCall.objects.filter(application=application).exists()


def test_the_answers_are_facts_with_source_time_and_request_id(family_application, deliver_outbox):
    counts = deliver_outbox()

    assert counts == {"delivered": 2, "waiting": 0, "dead": 0}
    brp = PartnerCall.objects.get(application=family_application, partner="brp")
    born = simulated_person(SPONSOR_BSN)["geboorte"]["datum"]["datum"]
    fact = Fact.objects.get(application=family_application, name="sponsor_date_of_birth")
    assert fact.value == born
    assert fact.source == Fact.Source.PARTNER
    assert str(brp.request_id) in fact.source_detail
    assert fact.source_detail.startswith("BRP (Haal Centraal")
    assert fact.recorded_at is not None
    income = Fact.objects.get(application=family_application, name="sponsor_gross_monthly_income")
    wage = simulated_income(bsn=SPONSOR_BSN, on=date(2024, 3, 1))["inkomstenverhoudingen"][0]
    assert income.value == wage["brutoMaandloon"]
    assert brp.state == PartnerCall.State.ANSWERED
    assert PartnerAttempt.objects.filter(call=brp, outcome="answered").count() == 1
    answered = family_application.events.filter(action=EventKind.PARTNER_ANSWERED)
    assert answered.count() == 2


def test_the_rules_use_the_partners_income(family_application, deliver_outbox):
    deliver_outbox()

    finding = findings_of(family_application)["sponsor-income"]

    assert finding.outcome in {"met", "not-met"}
    assert finding.facts[0].source.startswith("partner: UWV polisadministratie")


def test_an_answered_call_is_not_asked_again(family_application, deliver_outbox):
    from indigo.partners.services import partner_call_run

    deliver_outbox()
    brp = PartnerCall.objects.get(application=family_application, partner="brp")

    assert partner_call_run(request_id=str(brp.request_id)) == "already answered"
    assert (
        Fact.objects.filter(application=family_application, name="sponsor_date_of_birth").count()
        == 1
    )


def test_planning_twice_asks_once(family_application):
    from django.db import transaction

    from indigo.partners.services import partner_calls_plan

    with transaction.atomic():
        again = partner_calls_plan(application=family_application)

    assert again == []
    assert PartnerCall.objects.filter(application=family_application).count() == 2
