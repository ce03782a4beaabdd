"""The dashboards: scope per user, charts beside tables, filters, CSV, the monthly PDF."""

import csv
import io
from datetime import date

import pikepdf
import pytest

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.event_kinds import EventKind as K
from indigo.quality.advice import ADVICE_FORM_PARTS, advice_form_record
from indigo.quality.tests.conftest import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(apply):
    a = apply(date(2026, 7, 1))
    record(a, K.OWNERSHIP_TAKEN, date(2026, 7, 2), task="handle", to="clerk")
    record(a, K.NOTIFIED, date(2026, 7, 20), decision_due="2026-09-29")
    apply(date(2026, 7, 2))
    return a


@pytest.fixture
def manager(unit):
    return user_with_role("manager", units=[unit])


def test_a_manager_sees_the_measures_of_their_units_with_charts_and_tables(
    client, manager, figures
):
    client.force_login(manager)
    response = client.get("/quality/", {"from": "2026-07-01", "to": "2026-07-31"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your units: economic-zwolle." in html
    assert html.count('role="img"') == 4
    assert html.count("<table") >= 4
    # Only the decided application was taken by the unit: output 1, intake 1.
    rows = response.context["rows"]
    values = {row["key"]: row["value"] for row in rows}
    assert values["output"] == 1
    assert values["intake"] == 1


def test_the_directorate_sees_every_unit(client, figures):
    client.force_login(user_with_role("admin"))
    response = client.get("/quality/", {"from": "2026-07-01", "to": "2026-07-31"})
    values = {row["key"]: row["value"] for row in response.context["rows"]}
    assert values["intake"] == 2
    assert "All units of the agency." in response.content.decode()


def test_a_caseworker_gets_no_dashboard(client, clerk):
    client.force_login(clerk)
    assert client.get("/quality/").status_code == 403


def test_a_filter_with_an_unknown_unit_is_refused_with_a_message(client, manager):
    client.force_login(manager)
    response = client.get("/quality/", {"unit": "atlantis"})
    assert response.status_code == 400
    assert "There is no unit “atlantis”." in response.content.decode()


def test_csv_export_per_week(client, figures):
    client.force_login(user_with_role("admin"))
    response = client.get("/quality/measures.csv", {"from": "2026-07-13", "to": "2026-07-26"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["week"] for row in rows] == ["2026-W29", "2026-W30"]
    assert [row["output"] for row in rows] == ["0", "1"]
    assert [row["stock"] for row in rows] == ["2", "1"]


def test_the_chain_shows_advice_forms_per_municipality(client, apply):
    form = {key: "yes" for key in ADVICE_FORM_PARTS}
    advice_form_record(
        actor=None,
        application=apply(date(2026, 7, 1), product="naturalisation"),
        municipality_code="GM0363",
        municipality_name="Amsterdam",
        delivered_on=date(2026, 7, 3),
        parts=form | {"advice": ""},
    )
    client.force_login(user_with_role("admin"))
    response = client.get("/quality/chain", {"from": "2026-07-01", "to": "2026-07-31"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Amsterdam" in html
    assert "0.0%" in html


def test_the_monthly_report_is_a_tagged_pdf(client, figures, real_pdf):
    client.force_login(user_with_role("admin"))
    response = client.get("/quality/report/2026-07.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = pikepdf.open(io.BytesIO(response.content))
    assert bool(pdf.Root.MarkInfo.Marked) is True
    assert "/StructTreeRoot" in pdf.Root
    assert str(pdf.Root.Lang) in ("en", "en-us")


def test_a_manager_of_another_unit_sees_none_of_these(client, figures):
    other = make_unit("asylum-ter-apel", processes=["asylum"])
    client.force_login(user_with_role("manager", units=[other]))
    response = client.get("/quality/", {"from": "2026-07-01", "to": "2026-07-31"})
    values = {row["key"]: row["value"] for row in response.context["rows"]}
    assert values["output"] == 0
