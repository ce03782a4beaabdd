"""The screens for advice, taking and handing over tasks (issue 11, item 2)."""

from datetime import timedelta

import pytest

from indigo import clock
from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import application_act
from indigo.work.models import Task
from indigo.work.services import work_get_next


@pytest.fixture
def in_assessment(caseworker, new_application, with_tasks, documents_unit):
    with_tasks()
    application = new_application()
    work_get_next(actor=caseworker)
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    return application


def test_the_owner_asks_for_advice_from_the_case_page(client, caseworker, in_assessment):
    client.force_login(caseworker)
    url = f"/staff/applications/{in_assessment.reference}"
    assert 'id="advice"' in client.get(url).content.decode()

    response = client.post(
        f"{url}/advice",
        {
            "specialism": "test-document-examination",
            "question": "Is the passport genuine?",
            "due_on": (clock.today() + timedelta(days=5)).isoformat(),
        },
    )

    assert response.status_code == 302
    assert Task.objects.filter(question="Is the passport genuine?").exists()


def test_an_advice_request_without_a_question_is_refused_at_the_field(
    client, caseworker, in_assessment
):
    client.force_login(caseworker)
    before = Task.objects.count()

    response = client.post(
        f"/staff/applications/{in_assessment.reference}/advice",
        {
            "specialism": "test-document-examination",
            "question": "",
            "due_on": (clock.today() + timedelta(days=5)).isoformat(),
        },
    )

    assert response.status_code == 200
    assert "Write down your question." in response.content.decode()
    assert Task.objects.count() == before


def test_a_manager_hands_a_task_over_on_its_page(client, regular_unit, in_assessment):
    manager = user_with_role("manager", units=[regular_unit])
    colleague = user_with_role("caseworker", units=[regular_unit], first_name="Anouk")
    check = Task.objects.get(application=in_assessment, code="test-register-check")
    client.force_login(manager)

    page = client.get(f"/work/tasks/{check.pk}").content.decode()
    assert "Hand the task to someone" in page
    response = client.post(
        f"/work/tasks/{check.pk}/assign", {"assignee": colleague.pk, "reason": "Has time"}
    )

    assert response.status_code == 302
    check.refresh_from_db()
    assert check.assignee == colleague


def test_the_owner_takes_a_task_on_its_page(client, caseworker, in_assessment):
    check = Task.objects.get(application=in_assessment, code="test-document-examination")
    client.force_login(caseworker)

    assert "Take this task" in client.get(f"/work/tasks/{check.pk}").content.decode()
    client.post(f"/work/tasks/{check.pk}/take")

    check.refresh_from_db()
    assert check.assignee == caseworker
