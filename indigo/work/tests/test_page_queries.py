"""The worklist and the managers' pages make the same number of queries for 2 rows as
for 20."""

import pytest
from django.urls import reverse

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.testing.queries import PROCESSING_LOG_QUERIES, page_queries

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def unit():
    return make_unit("eco", processes=["regular-economic"])


def owned_applications(caseworker, count: int) -> None:
    for _ in range(count):
        application = make_application(product="highly-skilled-migrant", actor=caseworker)
        for action in ("start-intake", "start-assessment"):  # she owns it, tasks open
            application = application_act(actor=caseworker, application=application, action=action)


@pytest.mark.parametrize("rows", [2, 20])
def test_the_worklist_does_not_query_per_row(client, unit, rows):
    caseworker = user_with_role("caseworker", units=[unit])
    owned_applications(caseworker, rows)
    client.force_login(caseworker)

    # Session, user, groups, the worklist, the owner's questions (issue 11) and the
    # penalty warnings on the owner's applications (issue 14).
    assert page_queries(client, reverse("work:worklist")) <= 6 + PROCESSING_LOG_QUERIES


@pytest.mark.parametrize("rows", [2, 20])
def test_the_unit_pages_do_not_query_per_row(client, unit, rows):
    owned_applications(user_with_role("caseworker", units=[unit]), rows)
    for _ in range(rows):  # the unit's people
        user_with_role("caseworker", units=[unit])
    client.force_login(user_with_role("manager", units=[unit]))

    # One of them asks for the unit's penalty warnings (issue 14).
    assert page_queries(client, reverse("work:unit", args=[unit.code])) <= 11
    # One of them asks for the penalty exposure (issue 14).
    assert page_queries(client, reverse("work:units")) <= 7
