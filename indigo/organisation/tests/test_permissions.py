"""The one table of who may do what, and the predicate every screen, "Get next" and the
API consult (`indigo.organisation.permissions`)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from indigo.accounts.roles import Role
from indigo.accounts.tests.factories import join, make_unit, user_with_role
from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.errors import NotAllowed
from indigo.organisation.permissions import (
    TABLE,
    Action,
    RoleNotAllowed,
    actions_of,
    casework_queues_of,
    may,
    require,
)
from indigo.work.models import Task
from indigo.work.services import task_complete, work_get_next

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def economic():
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def contact_centre():
    return make_unit("contact-centre", kind="contact-centre", processes=["regular-economic"])


def _waiting_check(application):
    return Task.objects.create(
        application=application,
        code="partner-check",
        queue="process:regular-economic",
        due_on=application.decision_due,
        start_by=date(2026, 1, 1),
    )


def test_every_lifecycle_step_has_its_row_in_the_table():
    for action, transition in TRANSITIONS.items():
        assert Action(f"step:{action}") in TABLE
        assert transition.roles == TABLE[transition.permission]


def test_the_table_read_by_role():
    assert Action.DESK_HAND_OUT in actions_of(Role.DESK)
    assert Action.DECISION_RECORD not in actions_of(Role.CONTACT)
    assert Action.FACT_RECORD not in actions_of(Role.CONTACT)
    assert Action.TASK_ASSIGN in actions_of(Role.MANAGER)
    assert Action.TASK_OWN not in actions_of(Role.MANAGER)


def test_contact_centre_gets_no_casework_from_get_next(contact_centre):
    application = make_application()
    _waiting_check(application)
    agent = user_with_role("contact", units=[contact_centre])

    assert not may(agent, Action.TASK_GET_NEXT)
    assert casework_queues_of(user=agent, on=date(2026, 3, 2)) == set()
    assert work_get_next(actor=agent) is None
    assert Task.objects.filter(assignee=agent).count() == 0


def test_a_manager_gets_no_casework_unless_the_membership_says_so(economic):
    application = make_application()
    check = _waiting_check(application)
    manager = user_with_role("manager", units=[economic])

    assert work_get_next(actor=manager) is None
    assert not may(manager, Action.FACT_RECORD)

    doing_casework = user_with_role("manager", units=[])
    join(doing_casework, economic, casework=True)

    assert may(doing_casework, Action.TASK_GET_NEXT)
    assert may(doing_casework, Action.TASK_OWN)
    taken = work_get_next(actor=doing_casework)
    assert taken is not None and taken.assignee == doing_casework
    assert {taken.pk} <= {check.pk, *application.tasks.values_list("pk", flat=True)}


def test_a_caseworker_whose_membership_says_no_casework_gets_nothing(economic):
    application = make_application()
    _waiting_check(application)
    caseworker = user_with_role("caseworker", units=[])
    join(caseworker, economic, casework=False)

    assert work_get_next(actor=caseworker) is None


def test_contact_centre_cannot_record_a_fact_or_complete_casework(contact_centre):
    from indigo.rules.services import fact_record

    application = make_application()
    agent = user_with_role("contact", units=[contact_centre])
    task = _waiting_check(application)
    Task.objects.filter(pk=task.pk).update(assignee=agent)  # handed over by mistake

    with pytest.raises(NotAllowed):
        fact_record(
            actor=agent,
            application=application,
            name="sponsor_vouched",
            value=True,
            source="caseworker",
        )
    with pytest.raises(NotAllowed):
        task_complete(actor=agent, task=task, outcome="no-concerns", result="fine")
    assert Task.objects.get(pk=task.pk).state == "open"


def test_a_step_outside_the_role_is_refused_with_the_table(contact_centre):
    application = make_application()
    agent = user_with_role("contact", units=[contact_centre])

    with pytest.raises(NotAllowed):
        application_act(actor=agent, application=application, action="start-intake")
    application.refresh_from_db()
    assert application.status == "received"


def test_require_raises_a_permission_denied_that_is_also_a_domain_error(contact_centre):
    agent = user_with_role("contact", units=[contact_centre])

    with pytest.raises(PermissionDenied) as raised:
        require(agent, Action.DESK_HAND_OUT)
    assert isinstance(raised.value, RoleNotAllowed) and isinstance(raised.value, NotAllowed)
    assert "handing out a residence card" in raised.value.message


def test_a_manager_assigns_only_in_their_own_units(economic):
    other = make_unit("family-den-bosch", processes=["regular-social"])
    manager = user_with_role("manager", units=[economic])

    assert may(manager, Action.TASK_ASSIGN, unit=economic)
    assert not may(manager, Action.TASK_ASSIGN, unit=other)


def test_unknown_actions_and_anonymous_users_are_refused(economic):
    from django.contrib.auth.models import AnonymousUser

    caseworker = user_with_role("caseworker", units=[economic])
    assert not may(caseworker, "step:fly-to-the-moon")
    assert not may(AnonymousUser(), Action.APPLICATIONS_LIST)
