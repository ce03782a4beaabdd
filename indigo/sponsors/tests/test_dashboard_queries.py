"""The sponsor's dashboard makes the same number of queries for 2 applications as for 20."""

import pytest
from django.urls import reverse

from indigo.sponsors.tests.factories import sponsored_application
from indigo.testing.queries import PROCESSING_LOG_QUERIES, page_queries


@pytest.mark.parametrize("rows", [2, 20])
def test_the_dashboard_does_not_query_per_application(client, university, officer, rows):
    for number in range(rows):
        sponsored_application(university, actor=officer, surname=f"Student {number}")
    client.force_login(officer)

    assert page_queries(client, reverse("sponsors:dashboard")) <= 8 + PROCESSING_LOG_QUERIES
