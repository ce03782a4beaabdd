"""A complete, vouched student application of a recognised sponsor is ready for the
caseworker's approval the moment it arrives (issue 11, item 5)."""

from django.contrib.auth.models import AnonymousUser

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import Status
from indigo.decisions.selectors import assessment_of
from indigo.decisions.services import decision_fast_track, fast_track_obstacle
from indigo.rules.models import Fact
from indigo.rules.services import fact_record
from indigo.sponsors.tests.factories import sponsored_application
from indigo.work.models import Task


def test_a_vouched_student_is_ready_on_arrival_and_the_sponsor_check_is_known(university):
    caseworker = user_with_role(
        "caseworker", units=[make_unit("eco", processes=["regular-economic"])]
    )
    application = sponsored_application(university, vouch=True)
    # Complete: the antecedents check (Justid) came back clean.
    fact_record(
        actor=AnonymousUser(),
        application=application,
        name="criminal_record",
        value=False,
        source="partner",
        source_detail="Justid",
    )
    assert application.status == Status.RECEIVED
    recognised = Fact.objects.get(application=application, name="institution_is_recognised")
    assert recognised.source == "sponsor" and "sponsor register" in recognised.source_detail

    assert (
        fast_track_obstacle(
            application=application, assessment=assessment_of(application=application)
        )
        is None
    )
    granted = decision_fast_track(actor=caseworker, application=application)

    assert granted.status == Status.NOTIFIED
    check = Task.objects.get(application=application, code="sponsor-check")
    assert check.state == "done" and "recognised sponsor" in check.result
