"""The customer group's service norm, tracked apart from the legal decision period."""

from datetime import date, timedelta

from indigo.cases.services import application_act
from indigo.decisions.selectors import service_norm_of
from indigo.decisions.services import decision_fast_track, decision_record
from indigo.decisions.tests.factories import make_application_for


def test_a_fast_tracked_student_meets_the_two_week_norm(student, caseworker):
    application = student()

    application = decision_fast_track(actor=caseworker, application=application)

    norm = service_norm_of(application)
    assert norm.due == date(2026, 8, 17)
    assert (norm.met, norm.days) == (True, 0)


def test_an_open_application_past_its_norm_has_missed_it(caseworker):
    application = make_application_for(
        actor=caseworker,
        product="study",
        customer_group="recognised-sponsor",
        received_on=date(2026, 7, 1),
    )

    due, met, days = service_norm_of(application)

    assert (due, met, days) == (date(2026, 7, 15), False, 33)


def test_a_decision_notified_after_the_norm_has_missed_it(student, caseworker, today):
    application = student()
    decision_record(actor=caseworker, application=application, outcome="grant")
    today.shift(timedelta(days=20))

    application = application_act(actor=caseworker, application=application, action="notify")

    assert service_norm_of(application).met is False


def test_an_open_application_within_its_norm_is_not_judged_yet(student):
    norm = service_norm_of(student())

    assert norm.met is None and norm.days_left == 14


def test_an_application_without_a_customer_group_has_no_service_norm(caseworker):
    application = make_application_for(actor=caseworker, product="study")

    assert service_norm_of(application) is None
