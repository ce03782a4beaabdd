"""A specialist's access to an asylum file ends with their task (issue 9)."""

from datetime import date

import pytest

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.access import applications_visible_to
from indigo.cases.tests.factories import make_application
from indigo.work.models import Task

pytestmark = pytest.mark.usefixtures("catalog")


def _task(application, specialist, state):
    return Task.objects.create(
        application=application,
        code="language-analysis",
        queue="specialism:language-analysis",
        state=state,
        assignee=specialist,
        due_on=date(2026, 4, 1),
        start_by=date(2026, 3, 20),
    )


@pytest.fixture
def specialist():
    return user_with_role(
        "specialist", units=[make_unit("language", kind="specialist", specialisms=["other"])]
    )


def test_a_specialist_sees_an_asylum_file_while_the_task_is_open_and_not_after(specialist):
    asylum = make_application(product="asylum")
    task = _task(asylum, specialist, Task.State.OPEN)
    assert asylum in applications_visible_to(specialist)

    Task.objects.filter(pk=task.pk).update(state=Task.State.DONE)

    assert asylum not in applications_visible_to(specialist)


def test_a_done_task_on_a_regular_file_keeps_it_visible(specialist):
    regular = make_application(product="family-partner")
    _task(regular, specialist, Task.State.DONE)

    assert regular in applications_visible_to(specialist)
