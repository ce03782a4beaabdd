"""Intake does only what must happen while the client waits (issue 16: a lean intake).

One `POST /api/v1/applications` is a handful of round trips to the database: the
token, the catalog entries it is filed under, the rows it writes, and the answer.
Whatever can wait (the e-mail, the letter, partner calls) goes through the outbox.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from indigo.accounts.tests.factories import user_with_role

pytestmark = pytest.mark.usefixtures("catalog")

BODY = {
    "product": "study",
    "channel": "post",
    "applicant": {
        "given_names": "Valentina",
        "surname": "Restrepo",
        "date_of_birth": "2001-05-14",
        "nationality": "COL",
        "language": "nl",
    },
}
# 5 reads before (token, roles, product, version, customer groups); the transaction:
# the applicant, the application (with the savepoint its unique reference needs), the
# event with the head of its new hash chain (written, not looked for: 1 query, not 6),
# the partners' subscriptions to match, the notification, the sponsor register's
# question, the task definitions' expected days, the owner's task; the processing log
# (who filed whose data: 2 chained rows with their heads); and for the answer the
# suspensions, the personal forecast (3) and the history.
MOST_QUERIES = 30


def _file(client, token):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/api/v1/applications",
            BODY,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )
    assert response.status_code == 201, response.content
    return [q["sql"] for q in queries.captured_queries]


def test_filing_an_application_takes_a_fixed_small_number_of_queries(client):
    token = Token.objects.create(user=user_with_role("caseworker"))
    _file(client, token)  # the first request of a process warms its caches

    queries = _file(client, token)

    assert len(queries) <= MOST_QUERIES, "\n".join(queries)
    # The notification row is written, not looked for first; no savepoint around it.
    assert not any(q.startswith('SELECT "notifications_notification"') for q in queries)
    # A new application has no tasks to ask about.
    assert not any('FROM "work_task"' in q for q in queries if q.startswith("SELECT"))


def test_the_number_of_queries_does_not_grow_with_the_applications_filed(client):
    token = Token.objects.create(user=user_with_role("caseworker"))
    first = [_file(client, token) for _ in range(3)][-1]
    for _ in range(10):
        _file(client, token)

    assert len(_file(client, token)) == len(first)
