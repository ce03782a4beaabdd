"""The lifecycle's steps: every name the table uses is provided, and a refused step
changes nothing."""

import pytest
from django.core.checks import Error

from indigo.accounts.tests.factories import user_with_role
from indigo.cases import steps
from indigo.cases.checks import check_lifecycle_steps
from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Application, ApplicationEvent, Status
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.errors import Conflict

pytestmark = pytest.mark.usefixtures("catalog")


def test_every_guard_change_and_effect_the_table_names_is_provided_by_an_app():
    assert steps.unregistered() == []
    assert steps.unused() == []
    assert check_lifecycle_steps() == []


def test_a_name_no_app_provides_is_a_start_up_error(monkeypatch):
    broken = TRANSITIONS["close"].__class__(
        **{**TRANSITIONS["close"].__dict__, "effects": ("archive.send-to-national-archive",)}
    )
    monkeypatch.setitem(TRANSITIONS, "close", broken)

    problems = check_lifecycle_steps()

    assert [p.id for p in problems if isinstance(p, Error)] == ["cases.E001"]
    assert "archive.send-to-national-archive" in problems[0].msg


def test_the_steps_of_notifying_are_what_the_table_says():
    notify = TRANSITIONS["notify"]

    assert notify.guards == ("decisions.final",)
    assert notify.changes == ("cases.record-notification",)
    assert notify.effects == ("decisions.notify", "work.close-tasks")


def test_a_guard_that_refuses_leaves_the_application_and_its_history_unchanged():
    caseworker = user_with_role("caseworker")
    application = make_application(actor=caseworker)
    for action in ("start-intake", "start-assessment", "propose-decision"):
        application.tasks.exclude(code="handle").update(state="done")
        application = application_act(actor=caseworker, application=application, action=action)
    events = ApplicationEvent.objects.filter(application=application).count()

    with pytest.raises(Conflict, match="no decision to notify"):
        application_act(actor=caseworker, application=application, action="notify")

    assert Application.objects.get(pk=application.pk).status == Status.DECISION
    assert ApplicationEvent.objects.filter(application=application).count() == events
