from datetime import date

import pytest
import time_machine

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Application, ApplicationEvent, Status
from indigo.cases.services import UnknownAction, application_act
from indigo.cases.tests.factories import make_application
from indigo.decisions.tests.factories import final_decision
from indigo.errors import Conflict, InvalidInput, NotAllowed

pytestmark = pytest.mark.usefixtures("catalog")

PATH_TO = {
    Status.RECEIVED: [],
    Status.INTAKE: ["start-intake"],
    Status.ASSESSMENT: ["start-intake", "start-assessment"],
    Status.DECISION: ["start-intake", "start-assessment", "propose-decision"],
    Status.NOTIFIED: ["start-intake", "start-assessment", "propose-decision", "notify"],
    Status.CLOSED: ["start-intake", "start-assessment", "propose-decision", "notify", "close"],
    Status.SUSPENDED: ["suspend"],
    Status.WITHDRAWN: ["withdraw"],
    Status.OBJECTION: [
        "start-intake",
        "start-assessment",
        "propose-decision",
        "notify",
        "lodge-objection",
    ],
}


@pytest.fixture
def caseworker():
    return user_with_role("caseworker")


def act(application, action, actor, **kwargs):
    kwargs.setdefault("reason", "recorded in a test")
    if action == "notify" and application.status == Status.DECISION:
        final_decision(application, actor)  # notifying needs a caseworker's decision
    return application_act(actor=actor, application=application, action=action, **kwargs)


def finish_assessment_tasks(application):
    """The work app's own tests cover tasks; here they are simply done."""
    application.tasks.exclude(code="handle").update(state="done")


def application_in(status, actor, product="highly-skilled-migrant"):
    application = make_application(product=product, actor=actor)
    for action in PATH_TO[status]:
        if action == "propose-decision":
            finish_assessment_tasks(application)
        application = act(application, action, actor)
    assert application.status == status
    return application


def test_an_application_goes_through_every_phase_and_each_step_is_an_event(caseworker):
    application = application_in(Status.CLOSED, caseworker)

    steps = list(
        ApplicationEvent.objects.filter(application=application)
        .exclude(to_status="")
        .values_list("action", "from_status", "to_status")
    )
    assert steps == [
        ("receive", "", "received"),
        ("start-intake", "received", "intake"),
        ("start-assessment", "intake", "assessment"),
        ("propose-decision", "assessment", "decision"),
        ("notify", "decision", "notified"),
        ("close", "notified", "closed"),
    ]


S = Status
# The lifecycle as the design states it (DESIGN.md), written out here rather than read
# from the table under test: which step is possible in which status.
ALLOWED_IN = {
    "start-intake": {S.RECEIVED},
    "start-assessment": {S.INTAKE},
    "propose-decision": {S.ASSESSMENT},
    "reopen-assessment": {S.DECISION},
    "notify": {S.DECISION},
    "close": {S.NOTIFIED},
    "suspend": {S.RECEIVED, S.INTAKE, S.ASSESSMENT},
    "resume": {S.SUSPENDED},
    "extend": {S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED},
    "withdraw": {S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED, S.DECISION},
    "lodge-objection": {S.NOTIFIED, S.CLOSED},
    "decide-objection": {S.OBJECTION},
    "order-new-decision": {S.NOTIFIED, S.CLOSED},
}


def test_the_table_has_exactly_the_designed_steps():
    steps = {action: set(t.sources) for action, t in TRANSITIONS.items() if t.sources}

    assert steps == ALLOWED_IN


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("action", sorted(ALLOWED_IN))
def test_an_action_is_possible_exactly_in_the_states_the_design_allows(status, action, caseworker):
    application = application_in(status, caseworker)
    events_before = ApplicationEvent.objects.count()

    if status in ALLOWED_IN[action]:
        finish_assessment_tasks(application)
        act(application, action, caseworker)
        assert ApplicationEvent.objects.filter(application=application, action=action).exists()
    else:
        with pytest.raises(Conflict, match="not possible while the application is"):
            act(application, action, caseworker)
        assert ApplicationEvent.objects.count() == events_before
        assert Application.objects.get(pk=application.pk).status == status


def test_resume_returns_to_the_phase_the_application_was_in(caseworker):
    application = application_in(Status.ASSESSMENT, caseworker)

    application = act(application, "suspend", caseworker)
    application = act(application, "resume", caseworker)

    assert application.status == Status.ASSESSMENT


def test_a_suspension_pushes_the_deadline_back_by_its_length(caseworker):
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        application = application_in(Status.ASSESSMENT, caseworker)
        before = application.decision_due
        application = act(application, "suspend", caseworker, until=date(2026, 3, 16))
        traveller.move_to("2026-03-12 09:00 +01:00")
        application = act(application, "resume", caseworker)

    assert before == date(2026, 6, 1)
    # Ten days suspended: 31 May + 10 = 10 June 2026 (a Wednesday).
    assert application.decision_due == date(2026, 6, 10)
    assert application.suspensions.get().end == date(2026, 3, 12)


def test_a_suspended_application_counts_until_the_end_of_its_repair_period(caseworker):
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False):
        application = application_in(Status.ASSESSMENT, caseworker)
        application = act(application, "suspend", caseworker, until=date(2026, 3, 16))

    # 14 planned days: 31 May + 14 = 14 June (Sunday) → Monday 15 June.
    assert application.decision_due == date(2026, 6, 15)


def test_the_end_of_a_repair_period_must_be_after_its_start(caseworker):
    application = application_in(Status.ASSESSMENT, caseworker)

    with pytest.raises(InvalidInput, match="must be after") as exc:
        act(application, "suspend", caseworker, until=date(2000, 1, 1))
    assert exc.value.field == "until"
    assert Application.objects.get(pk=application.pk).status == Status.ASSESSMENT


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_the_decision_period_can_be_extended_once_with_a_reason(caseworker):
    application = application_in(Status.ASSESSMENT, caseworker)

    application = act(application, "extend", caseworker, reason="advice from Bureau Documenten")

    assert application.is_extended
    assert application.status == Status.ASSESSMENT
    # 31 May + 3 months = 31 August 2026 (Monday).
    assert application.decision_due == date(2026, 8, 31)
    with pytest.raises(Conflict, match="only once"):
        act(application, "extend", caseworker, reason="again")


def test_an_extension_needs_a_reason(caseworker):
    application = application_in(Status.ASSESSMENT, caseworker)

    with pytest.raises(InvalidInput, match="reason") as exc:
        act(application, "extend", caseworker, reason=" ")
    assert exc.value.field == "reason"


def test_a_role_that_may_not_perform_an_action_is_refused(caseworker):
    application = application_in(Status.ASSESSMENT, caseworker)

    with pytest.raises(NotAllowed):
        act(application, "propose-decision", user_with_role("contact"))


def test_an_unknown_action_is_refused_listing_the_known_ones(caseworker):
    application = application_in(Status.RECEIVED, caseworker)

    with pytest.raises(UnknownAction, match="start-intake"):
        act(application, "approve-everything", caseworker)


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_staff_can_record_a_paper_step_on_an_earlier_day_but_not_in_the_future(caseworker):
    application = make_application(actor=caseworker, received_on=date(2026, 2, 2))

    application = act(application, "start-intake", caseworker, on=date(2026, 2, 5))
    with pytest.raises(InvalidInput, match="future"):
        act(application, "start-assessment", caseworker, on=date(2026, 3, 3))
    with pytest.raises(InvalidInput, match="before the last recorded step"):
        act(application, "start-assessment", caseworker, on=date(2026, 2, 4))

    event = application.events.get(action="start-intake")
    assert event.effective_on == date(2026, 2, 5)


def test_an_applicant_may_withdraw_but_not_record_an_earlier_date():
    person = user_with_role("applicant")
    application = make_application(actor=person)

    with pytest.raises(InvalidInput, match="Only staff"):
        act(application, "withdraw", person, on=date(2020, 1, 1))
    application = act(application, "withdraw", person, reason="I found a job elsewhere")

    assert application.status == Status.WITHDRAWN


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
def test_an_objection_reopens_a_notified_application_with_the_awb_deadline(caseworker):
    application = application_in(Status.NOTIFIED, caseworker)

    application = act(application, "lodge-objection", caseworker, reason="bezwaarschrift")

    # Objection period: 4 weeks after 2 March (Vw 2000 art. 69) = 30 March;
    # decision on objection 6 weeks later (Awb 7:10) = 11 May 2026 (Monday).
    assert application.status == Status.OBJECTION
    assert application.objection_period_ends == date(2026, 3, 30)
    assert application.decision_due == date(2026, 5, 11)
    application = act(application, "decide-objection", caseworker)
    assert application.status == Status.DECISION


def test_the_daily_sweep_moves_the_due_date_of_a_suspension_that_runs_on(caseworker):
    from django.core.management import call_command

    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False) as traveller:
        application = application_in(Status.ASSESSMENT, caseworker)
        application = act(application, "suspend", caseworker)  # no planned end
        assert application.decision_due == date(2026, 6, 1)
        traveller.move_to("2026-03-09 09:00 +01:00")
        call_command("deadlines_refresh")
        call_command("deadlines_refresh")  # idempotent

    application.refresh_from_db()
    # Seven days suspended so far: 31 May + 7 = 7 June (Sunday) → Monday 8 June.
    assert application.decision_due == date(2026, 6, 8)
