"""Intended refusal (voornemen) and written view (zienswijze) before a refusal."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo import clock
from indigo.cases.event_kinds import EventKind
from indigo.decisions.intentions import intention_send, intention_view_record
from indigo.decisions.letters import intention_html, letter_html
from indigo.decisions.services import decision_record
from indigo.decisions.tests.factories import make_application_for, record_facts, to_decision
from indigo.demo.deciding import Deciding
from indigo.errors import Conflict, InvalidInput
from indigo.outbox.services import outbox_deliver_due

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def asylum_case(caseworker):
    def make(language="en"):
        application = make_application_for(actor=caseworker, product="asylum", language=language)
        record_facts(
            application,
            caseworker,
            identity_established=True,
            account_credible=False,
            protection_need="none",
        )
        return to_decision(application, caseworker)

    return make


def refuse(application, caseworker, **extra):
    return decision_record(
        actor=caseworker,
        application=application,
        outcome="refuse",
        motivation="Wij vinden uw verhaal niet geloofwaardig.",
        **extra,
    )


def test_an_asylum_refusal_without_an_intention_is_refused(asylum_case, caseworker):
    application = asylum_case()
    with pytest.raises(Conflict) as raised:
        refuse(application, caseworker)
    assert raised.value.code == "intention-required"
    assert "article 39" in raised.value.message


def test_the_refusal_waits_for_the_view_period(asylum_case, caseworker):
    application = asylum_case()
    intention = intention_send(
        actor=caseworker, application=application, grounds="Your account is not credible."
    )
    assert intention.view_due > clock.today()
    with pytest.raises(Conflict) as raised:
        refuse(application, caseworker)
    assert raised.value.code == "view-period-running"


def test_the_intention_is_an_event_and_a_letter_of_its_own(asylum_case, caseworker):
    application = asylum_case(language="nl")
    intention = intention_send(
        actor=caseworker, application=application, grounds="Uw verhaal is niet geloofwaardig."
    )
    kinds = list(application.events.values_list("action", flat=True))
    assert EventKind.INTENTION_SENT in kinds

    html = intention_html(intention)
    assert "Wij zijn van plan uw aanvraag af te wijzen" in html
    assert "artikel 39 Vreemdelingenwet 2000" in html
    assert "Dit is nog geen besluit." in html

    outbox_deliver_due()
    intention.refresh_from_db()
    assert intention.letter is not None
    assert EventKind.INTENTION_LETTER_SENT in application.events.values_list("action", flat=True)


def test_the_decision_answers_the_view(asylum_case, caseworker):
    application = asylum_case()
    intention = intention_send(
        actor=caseworker, application=application, grounds="Your account is not credible."
    )
    intention_view_record(
        actor=caseworker, intention=intention, text="I was in danger; here is a letter."
    )
    with pytest.raises(InvalidInput) as raised:
        refuse(application, caseworker)
    assert raised.value.field == "view_answer"

    decision = refuse(
        application,
        caseworker,
        view_answer="The letter you sent does not say who wrote it, so it does not help.",
    )

    assert decision.intention == intention
    html = letter_html(decision, notified_on=clock.today())
    assert "you responded to our intention" in html
    assert "does not say who wrote it" in html


def test_after_the_period_the_refusal_may_follow_without_a_view(asylum_case, caseworker):
    application = asylum_case()
    intention = intention_send(
        actor=caseworker, application=application, grounds="Your account is not credible."
    )
    after = intention.view_due + timedelta(days=1)
    with time_machine.travel(datetime(after.year, after.month, after.day, 10, 0, tzinfo=AMS)):
        decision = refuse(application, caseworker)
    assert decision.intention == intention


def test_a_regular_refusal_on_agency_information_needs_an_intention(caseworker):
    application = make_application_for(
        actor=caseworker, product="family-partner", received_on=date(2024, 8, 1)
    )
    facts = Deciding(random.Random(3), organisation=None, replay=None).facts_for(
        application, refused=False
    )
    facts["sponsor_gross_monthly_income"] = "1500.00"  # from UWV, not from the applicant
    record_facts(application, caseworker, **facts)
    application = to_decision(application, caseworker)
    with pytest.raises(Conflict) as raised:
        decision_record(
            actor=caseworker,
            application=application,
            outcome="refuse",
            motivation="Your sponsor's income is too low.",
        )
    assert raised.value.code == "intention-required"
    assert "4:7" in raised.value.message


def test_a_regular_refusal_on_what_the_sponsor_stated_needs_no_intention(student, caseworker):
    application = student(admitted_to_programme=False)
    decision = decision_record(
        actor=caseworker,
        application=application,
        outcome="refuse",
        motivation="The university did not admit you.",
    )
    assert decision.intention is None
