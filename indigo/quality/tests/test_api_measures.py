"""GET /api/v1/measures."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.event_kinds import EventKind as K
from indigo.quality.tests.conftest import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return user_with_role("admin")


def _get(user, **params):
    client = APIClient()
    client.force_authenticate(user)
    return client.get("/api/v1/measures", params)


def test_totals_are_top_level_numbers_with_their_definitions(apply, admin):
    a = apply(date(2026, 7, 1))
    record(a, K.NOTIFIED, date(2026, 7, 10), decision_due="2026-09-29")
    apply(date(2026, 7, 2))
    response = _get(admin, **{"from": "2026-07-01", "to": "2026-07-31"})
    assert response.status_code == 200
    body = response.json()
    assert body["intake"] == 2
    assert body["output"] == 1
    assert body["stock"] == 1
    assert body["on_time_share"] == 1.0
    assert body["definitions"]["stock"]["label"] == "Stock"
    assert body["definitions"]["intake"]["definition"].startswith("Applications received")


def test_group_by_splits_the_figures(apply, admin):
    apply(date(2026, 7, 1))
    apply(date(2026, 7, 1), product="naturalisation")
    body = _get(admin, **{"from": "2026-07-01", "to": "2026-07-31", "group_by": "product"}).json()
    by_product = {g["product"]: g for g in body["groups"]}
    assert by_product["study"]["intake"] == 1
    assert by_product["naturalisation"]["intake"] == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"unit": "atlantis"}, "unit"),
        ({"product": "moon-visa"}, "product"),
        ({"channel": "pigeon"}, "channel"),
        ({"from": "2026-13-01"}, "from"),
        ({"from": "2026-08-01", "to": "2026-07-01"}, "from"),
        ({"group_by": "colour"}, "group_by"),
    ],
)
def test_bad_filters_are_refused_naming_the_field(admin, params, field):
    response = _get(admin, **params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == field


def test_a_manager_sees_only_their_units(apply, catalog):
    mine = make_unit("economic-zwolle", processes=["regular-economic"])
    make_unit("asylum-ter-apel", processes=["asylum"])
    manager = user_with_role("manager", units=[mine])
    assert _get(manager, unit="economic-zwolle").status_code == 200
    refused = _get(manager, unit="asylum-ter-apel")
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "unit"


def test_caseworkers_and_applicants_get_no_measures(catalog):
    assert _get(user_with_role("caseworker")).status_code == 403
    assert _get(user_with_role("applicant")).status_code == 403
