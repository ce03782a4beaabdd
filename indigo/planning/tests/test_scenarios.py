"""Scenarios: parsing, refusing bad numbers, what-ifs, the command line."""

import json
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from indigo.planning.learning import scenario_example
from indigo.planning.scenario import ScenarioError
from indigo.planning.services import scenario_load, scenario_run

pytestmark = pytest.mark.django_db

BASE = {
    "name": "Small",
    "weeks": 12,
    "hours_per_week": 32,
    "intake": {"study": 40, "family-partner": [10, 12]},
    "stock": {"study": 30},
    "hours_per_application": {"study": 4, "family-partner": 8},
    "units": {
        "zwolle": {"staff": 5, "products": ["study"]},
        "rijswijk": {"staff": 4, "products": ["family-partner"]},
    },
    "what_if": [
        {"name": "More staff", "changes": [{"unit": "zwolle", "add_staff": 3, "from_week": 2}]},
        {
            "name": "Move",
            "changes": [{"move_staff": 1, "from_unit": "rijswijk", "to_unit": "zwolle"}],
        },
        {
            "name": "Surge",
            "changes": [{"product": "study", "intake_factor": 2, "from_week": 3, "to_week": 6}],
        },
    ],
}


def _load(data):
    return scenario_load(yaml.safe_dump(data))


def test_a_scenario_reads_intake_per_week_and_the_legal_period_from_the_catalog(catalog):
    scenario = _load(BASE)
    assert scenario.base.intake["family-partner"][:3] == [10, 12, 12]  # the last repeats
    assert scenario.base.legal_days["study"] == 60  # Vw 2000 art. 25 as amended: 60 days
    assert [name for name, _m in scenario.what_ifs] == ["More staff", "Move", "Surge"]
    more = dict(scenario.what_ifs)["More staff"]
    assert more.staff["zwolle"][:3] == [5, 8, 8]
    move = dict(scenario.what_ifs)["Move"]
    assert move.staff["rijswijk"][0] == 3 and move.staff["zwolle"][0] == 6
    surge = dict(scenario.what_ifs)["Surge"]
    assert surge.intake["study"][1:7] == [40, 80, 80, 80, 80, 40]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"weeks": -3}, "weeks"),
        ({"hours_per_week": None}, "hours_per_week"),
        ({"intake": {"study": -5}}, "intake.study[0]"),
        ({"intake": {"study": "many"}}, "intake.study[0]"),
        ({"units": {"zwolle": {"staff": -1, "products": ["study"]}}}, "units.zwolle.staff"),
        ({"hours_per_application": {"study": 4}}, "hours_per_application.family-partner"),
        ({"stock": {"study": 2.5}}, "stock.study"),
    ],
)
def test_negative_or_missing_numbers_are_refused_naming_the_field(catalog, change, field):
    with pytest.raises(ScenarioError) as refused:
        _load(BASE | change)
    assert refused.value.field == field
    assert field.split("[")[0] in refused.value.message


def test_a_what_if_moving_more_staff_than_there_are_is_refused(catalog):
    data = BASE | {
        "what_if": [
            {
                "name": "Too many",
                "changes": [{"move_staff": 9, "from_unit": "rijswijk", "to_unit": "zwolle"}],
            }
        ]
    }
    with pytest.raises(ScenarioError) as refused:
        _load(data)
    assert refused.value.field == "what_if[0].changes[0].move_staff"


def test_more_staff_gives_less_stock_and_a_surge_more(catalog):
    figures = scenario_run(_load(BASE))
    stock = {run["name"]: run["totals"]["stock_at_end"] for run in figures["runs"]}
    assert stock["More staff"] <= stock["Base"] < stock["Surge"]
    assert len(figures["runs"][0]["weeks"]) == 12


def test_the_example_is_a_scenario_that_runs(catalog):
    scenario = scenario_load(scenario_example(__import__("datetime").date(2026, 8, 3)))
    assert len(scenario.what_ifs) == 3
    assert sum(staff[0] for staff in scenario.base.staff.values()) >= 2900


def test_the_command_prints_figures_and_writes_a_chart(catalog, tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(BASE))
    chart = tmp_path / "stock.svg"
    out = StringIO()
    call_command("simulate", str(path), "--chart", str(chart), stdout=out)
    figures = json.loads(out.getvalue())
    assert [run["name"] for run in figures["runs"]] == ["Base", "More staff", "Move", "Surge"]
    assert chart.read_text().startswith("<svg")


def test_the_command_names_the_wrong_field(catalog, tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(BASE | {"weeks": -1}))
    with pytest.raises(CommandError, match="weeks"):
        call_command("simulate", str(path))


def test_the_example_command_prints_yaml(catalog):
    out = StringIO()
    call_command("simulate", "--example", stdout=out)
    assert "what_if:" in out.getvalue()
