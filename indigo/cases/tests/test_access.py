from datetime import date

import pytest
import time_machine
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import join, make_unit, user_with_role
from indigo.audit.tests.helpers import logged
from indigo.cases.access import applications_visible_to
from indigo.cases.tests.factories import make_application
from indigo.work.models import Task

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def units():
    return {
        "economic": make_unit("economic-zwolle", processes=["regular-economic"]),
        "asylum": make_unit("asylum-ter-apel", processes=["asylum"], city="Ter Apel"),
        "documents": make_unit(
            "bureau-documenten",
            kind="specialist",
            specialisms=["document-examination"],
            city="Rijswijk",
        ),
    }


def visible(user):
    return set(applications_visible_to(user).values_list("reference", flat=True))


def open_specialist_task(application, queue="specialism:document-examination", assignee=None):
    return Task.objects.create(
        application=application,
        code="document-examination",
        queue=queue,
        due_on=application.decision_due,
        start_by=application.decision_due,
        assignee=assignee,
    )


def test_staff_see_only_the_applications_of_their_units_processes(units):
    study = make_application(product="study")
    asylum = make_application(product="asylum")

    assert visible(user_with_role("caseworker", units=[units["economic"]])) == {study.reference}
    assert visible(user_with_role("caseworker", units=[units["asylum"]])) == {asylum.reference}


def test_a_specialist_sees_regular_files_with_open_work_in_their_queue(units):
    study = make_application(product="study")
    make_application(product="study")  # no task for the specialist
    open_specialist_task(study)

    assert visible(user_with_role("specialist", units=[units["documents"]])) == {study.reference}


def test_a_specialist_sees_an_asylum_file_only_while_working_on_it(units):
    asylum = make_application(product="asylum")
    specialist = user_with_role("specialist", units=[units["documents"]])
    task = open_specialist_task(asylum)

    assert visible(specialist) == set()
    task.assignee = specialist
    task.save()
    assert visible(specialist) == {asylum.reference}


def test_a_temporary_membership_gives_access_only_while_it_lasts(units):
    study = make_application(product="study")
    lent = user_with_role("caseworker", units=[])
    join(
        lent,
        units["economic"],
        valid_from=date(2026, 3, 1),
        valid_to=date(2026, 3, 31),
        temporary=True,
    )

    with time_machine.travel("2026-03-15 12:00 +01:00"):
        assert visible(lent) == {study.reference}
    lent.__dict__.pop("_indigo_units", None)
    with time_machine.travel("2026-04-01 12:00 +02:00"):
        assert visible(lent) == set()


def test_an_applicant_sees_only_their_own_applications():
    alice, bob = user_with_role("applicant"), user_with_role("applicant")
    mine = make_application(actor=alice)
    make_application(actor=bob)

    assert visible(alice) == {mine.reference}


def test_a_refused_application_looks_exactly_like_a_missing_one(units):
    asylum = make_application(product="asylum")
    client = APIClient()
    client.force_authenticate(user_with_role("caseworker", units=[units["economic"]]))

    refused = client.get(f"/api/v1/applications/{asylum.reference}")
    missing = client.get("/api/v1/applications/2026-ZZZZZZZZ")

    assert refused.status_code == missing.status_code == 404
    assert refused.json()["title"] == missing.json()["title"]
    assert refused.json()["detail"].replace(asylum.reference, "X") == missing.json()[
        "detail"
    ].replace("2026-ZZZZZZZZ", "X")


def test_every_staff_view_of_an_application_is_recorded(units, client):
    study = make_application(product="study")
    caseworker = user_with_role("caseworker", units=[units["economic"]])
    api = APIClient()
    api.force_authenticate(caseworker)
    client.force_login(caseworker)

    api.get(f"/api/v1/applications/{study.reference}")
    client.get(f"/staff/applications/{study.reference}")

    contexts = logged(applicant_id=study.applicant_id, user=caseworker)
    assert contexts == {"api:applications_retrieve", "staff:application-detail"}
