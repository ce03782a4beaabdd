from datetime import date

import pytest

from indigo.cases.models import Status
from indigo.errors import Conflict, NotAllowed
from indigo.rules.models import Fact
from indigo.sponsors.services import sponsor_statements_record, sponsor_vouch
from indigo.sponsors.tests.factories import sponsored_application


def test_vouching_later_records_the_vouch_fact(university, officer):
    application = sponsored_application(university, actor=officer, vouch=False)

    fact = sponsor_vouch(actor=officer, application=application)

    assert (fact.name, fact.value, fact.source) == ("sponsor_vouched", True, "sponsor")
    assert fact.recorded_by == officer


def test_vouching_twice_is_refused(university, officer):
    application = sponsored_application(university, actor=officer, vouch=True)

    with pytest.raises(Conflict):
        sponsor_vouch(actor=officer, application=application)


def test_vouching_after_recognition_was_withdrawn_is_refused(university, officer):
    application = sponsored_application(university, actor=officer, vouch=False)
    university.recognition_withdrawn_on = date(2026, 8, 31)
    university.save()

    with pytest.raises(NotAllowed):
        sponsor_vouch(actor=officer, application=application)
    assert not Fact.objects.filter(name="sponsor_vouched").exists()


def test_vouching_on_a_closed_application_is_refused(university, officer):
    application = sponsored_application(university, actor=officer, vouch=False)
    application.status = Status.WITHDRAWN
    application.save(update_fields=["status"])

    with pytest.raises(Conflict):
        sponsor_vouch(actor=officer, application=application)


def test_the_sponsor_can_give_a_missing_fact_later(university, officer):
    application = sponsored_application(university, actor=officer)

    [fact] = sponsor_statements_record(
        actor=officer, application=application, facts={"programme_name": "MSc Hydrology"}
    )

    assert (fact.name, fact.value, fact.source) == ("programme_name", "MSc Hydrology", "sponsor")
