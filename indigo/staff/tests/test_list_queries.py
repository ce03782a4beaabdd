"""The application lists make the same number of queries for 2 rows as for 20."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.testing.queries import PROCESSING_LOG_QUERIES, page_queries

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def caseworker():
    return user_with_role("caseworker", units=[make_unit("eco", processes=["regular-economic"])])


def applications(caseworker, count: int) -> None:
    """Half of them suspended, half extended: the deadline of each row needs both."""
    for number in range(count):
        application = make_application(product="highly-skilled-migrant", actor=caseworker)
        action = "suspend" if number % 2 else "extend"
        application_act(actor=caseworker, application=application, action=action, reason="test")


@pytest.mark.parametrize("rows", [2, 20])
def test_the_staff_list_does_not_query_per_row(client, caseworker, rows):
    applications(caseworker, rows)
    client.force_login(caseworker)

    assert page_queries(client, reverse("staff:application-list")) <= 7 + PROCESSING_LOG_QUERIES


@pytest.mark.parametrize("rows", [2, 20])
def test_the_api_list_does_not_query_per_row(client, caseworker, rows):
    applications(caseworker, rows)
    token = Token.objects.create(user=caseworker)

    queries = page_queries(client, "/api/v1/applications", HTTP_AUTHORIZATION=f"Token {token}")

    assert queries <= 5 + PROCESSING_LOG_QUERIES
