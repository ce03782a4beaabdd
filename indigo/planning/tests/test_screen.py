"""The planning screen: a scenario in, progress while it runs, scenarios side by side."""

import pytest
import yaml

from indigo.accounts.tests.factories import user_with_role
from indigo.planning.models import SimulationRun
from indigo.planning.tests.test_scenarios import BASE

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(catalog):
    return user_with_role("manager")


def test_a_scenario_runs_and_shows_the_scenarios_side_by_side(
    client, manager, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/planning/", {"scenario": yaml.safe_dump(BASE)})
    run = SimulationRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/planning/runs/{run.pk}"
    run.refresh_from_db()
    assert run.state == "done" and run.progress == 100
    page = client.get(f"/planning/runs/{run.pk}").content.decode()
    for name in ("Base", "More staff", "Move", "Surge"):
        assert f">{name}</th>" in page
    assert page.count('role="img"') == 2


def test_while_it_runs_the_screen_shows_a_progress_bar_that_polls(client, manager):
    client.force_login(manager)
    run = SimulationRun.objects.create(
        name="x", scenario="", state="running", progress=40, created_at="2026-08-03T10:00Z"
    )
    page = client.get(f"/planning/runs/{run.pk}", headers={"HX-Request": "true"}).content.decode()
    assert '<progress id="run-progress" max="100" value="40">' in page
    assert 'hx-trigger="every 1s"' in page


def test_a_scenario_with_a_negative_number_is_refused_with_the_field(client, manager):
    client.force_login(manager)
    data = BASE | {"units": {"zwolle": {"staff": -2, "products": ["study"]}}}
    response = client.post("/planning/", {"scenario": yaml.safe_dump(data)})
    assert response.status_code == 400
    assert "units.zwolle.staff must not be negative" in response.content.decode()
    assert not SimulationRun.objects.exists()


def test_caseworkers_do_not_plan(client, catalog):
    client.force_login(user_with_role("caseworker"))
    assert client.get("/planning/").status_code == 403
