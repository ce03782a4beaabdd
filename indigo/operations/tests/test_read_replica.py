"""Reads from a real streaming replica (run by `make test-replica`, which starts a primary
and its replica as two extra PostgreSQL clusters: tools/replica-clusters.sh).

List pages read from the replica; the person who just acted reads from the primary;
a replica that lags or is down sends the reads to the primary.
"""

import subprocess
import time

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import Application
from indigo.cases.tests.factories import make_application
from indigo.operations import routers

pytestmark = [pytest.mark.replica, pytest.mark.django_db(transaction=True, databases="__all__")]


@pytest.fixture(autouse=True)
def _fresh_health():
    routers.forget_replica_health()
    yield
    routers.forget_replica_health()


@pytest.fixture
def caseworker():
    return user_with_role("caseworker", units=[make_unit("eco", processes=["regular-economic"])])


def replicated(count: int, seconds: float = 30) -> None:
    """Wait until the replica has replayed the primary's rows."""
    deadline = time.monotonic() + seconds
    while Application.objects.using("replica").count() < count:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.1)


def queries_on(alias: str, action) -> list[str]:
    with CaptureQueriesContext(connections[alias]) as captured:
        action()
    return [q["sql"] for q in captured.captured_queries]


def cluster(action: str) -> None:
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "indigo_replica", action],
        check=True,
    )


def test_the_list_page_reads_the_applications_from_the_replica(client, caseworker):
    for _ in range(3):
        make_application(product="highly-skilled-migrant", actor=caseworker)
    replicated(3)
    client.force_login(caseworker)

    on_replica = queries_on("replica", lambda: client.get(reverse("staff:application-list")))

    assert any("cases_application" in sql for sql in on_replica)


def test_the_person_who_just_acted_reads_from_the_primary(client, caseworker):
    application = make_application(product="highly-skilled-migrant", actor=caseworker)
    replicated(1)
    client.force_login(caseworker)
    url = reverse("staff:application-action", args=[application.reference])
    client.post(url, {"action": "start-intake", "reason": ""})

    on_replica = queries_on("replica", lambda: client.get(reverse("staff:application-list")))

    assert not any("cases_application" in sql for sql in on_replica)


def test_pages_outside_the_lists_and_every_write_use_the_primary(client, caseworker):
    application = make_application(product="highly-skilled-migrant", actor=caseworker)
    replicated(1)
    client.force_login(caseworker)
    detail = reverse("staff:application-detail", args=[application.reference])

    assert queries_on("replica", lambda: client.get(detail)) == []


def test_a_lagging_replica_sends_the_reads_to_the_primary(client, caseworker, monkeypatch):
    make_application(product="highly-skilled-migrant", actor=caseworker)
    replicated(1)
    monkeypatch.setattr(routers, "replica_lag_seconds", lambda: 60.0)
    client.force_login(caseworker)

    on_replica = queries_on("replica", lambda: client.get(reverse("staff:application-list")))

    assert not any("cases_application" in sql for sql in on_replica)


def test_a_replica_that_is_down_sends_the_reads_to_the_primary(client, caseworker):
    make_application(product="highly-skilled-migrant", actor=caseworker)
    replicated(1)
    client.force_login(caseworker)
    connections["replica"].close()
    cluster("stop")
    try:
        response = client.get(reverse("staff:application-list"))
    finally:
        cluster("start")

    assert response.status_code == 200
    assert Application.objects.first().reference in response.content.decode()
