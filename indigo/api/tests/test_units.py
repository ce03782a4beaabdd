"""Units and their figures through the API (managers)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from indigo.accounts.tests.factories import join, make_unit, user_with_role
from indigo.api.tests.conftest import client_for, is_problem
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_the_second_of_march():
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


@pytest.fixture
def unit():
    return make_unit("economic-zwolle", processes=["regular-economic"])


@pytest.fixture
def manager(unit):
    return client_for("manager", units=[unit])


def test_units_are_listed_with_their_stock(manager, unit):
    make_application(actor=user_with_role("caseworker", units=[unit]), product="study")

    rows = manager.get("/api/v1/units").json()

    row = next(r for r in rows if r["code"] == "economic-zwolle")
    assert row["stock"] == 1 and row["queues"] == ["process:regular-economic"]


def test_a_unit_shows_stock_buckets_output_and_lent_staff(manager, unit):
    make_application(actor=user_with_role("caseworker", units=[unit]), product="study")
    lent = user_with_role("caseworker", units=[])
    join(lent, unit, valid_from=date(2026, 3, 1), valid_to=date(2026, 3, 31), temporary=True)

    body = manager.get("/api/v1/units/economic-zwolle").json()

    assert body["stock"]["total"] == 1 and body["stock"]["unassigned"] == 1
    assert [b["key"] for b in body["stock"]["by_age"]] == ["0-30", "31-60", "61-90", "over-90"]
    assert len(body["output"]) == 8
    assert [m["username"] for m in body["lent"]] == [lent.username]
    assert body["workers"] == 2


def test_an_unknown_unit_is_a_404_and_a_caseworker_may_not_see_the_figures(manager):
    is_problem(manager.get("/api/v1/units/nowhere"), 404)
    is_problem(client_for("caseworker").get("/api/v1/units"), 403)
    is_problem(client_for("caseworker").get("/api/v1/units/economic-zwolle"), 403)
