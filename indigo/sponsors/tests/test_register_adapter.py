"""The recognised-sponsor register as a partner: a paper application that names its
sponsor by KvK number gets the recognition from Indigo's own register."""

from datetime import date

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.partners.models import PartnerCall
from indigo.rules.models import Fact
from indigo.rules.services import fact_record
from indigo.sponsors.tests.factories import make_sponsor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _day():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


def paper_application_naming(kvk: str):
    caseworker = user_with_role("caseworker")
    application = make_application(product="highly-skilled-migrant", actor=caseworker)
    fact_record(
        actor=caseworker,
        application=application,
        name="sponsor_kvk_number",
        value=kvk,
        source="sponsor",
    )
    return application


def recognition(application):
    return Fact.objects.get(application=application, name="employer_is_recognised_sponsor")


def test_a_recognised_employer_is_confirmed_by_the_register(deliver_outbox):
    sponsor = make_sponsor(categories=["work"], recognised_since=date(2020, 1, 1))
    application = paper_application_naming(sponsor.kvk_number)

    deliver_outbox()

    fact = recognition(application)
    assert fact.value is True
    assert fact.source == "partner"
    call = PartnerCall.objects.get(application=application, partner="sponsor-register")
    assert str(call.request_id) in fact.source_detail


def test_an_employer_recognised_only_for_study_is_not_recognised_for_work(deliver_outbox):
    sponsor = make_sponsor(categories=["study"], recognised_since=date(2020, 1, 1))
    application = paper_application_naming(sponsor.kvk_number)

    deliver_outbox()

    assert recognition(application).value is False


def test_an_unknown_kvk_number_is_not_recognised(deliver_outbox):
    application = paper_application_naming("99999999")

    deliver_outbox()

    assert recognition(application).value is False
