"""The one view of a person makes the same number of queries for 2 applications as for 20."""

import pytest
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.testing.queries import PROCESSING_LOG_QUERIES, page_queries

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.mark.parametrize("rows", [2, 20])
def test_the_person_page_does_not_query_per_application(client, agent, rows):
    person = user_with_role("applicant")
    for _ in range(rows):
        application = make_application(product="family-partner", actor=person)
    client.force_login(agent)

    url = reverse("contacts:person-detail", args=[application.applicant_id])
    # + the knowledge base's answers changed today (issue 15) and the appointments,
    # letters, notifications and requests of the whole view (issue 11).
    assert page_queries(client, url) <= 15 + PROCESSING_LOG_QUERIES
