"""Running scenarios: the base and its what-ifs, figures and a chart side by side."""

from collections.abc import Callable
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from indigo import clock
from indigo.charts import line_chart_svg
from indigo.planning.learning import legal_days
from indigo.planning.models import SimulationRun
from indigo.planning.scenario import Scenario, scenario_parse
from indigo.planning.simulation import simulate


def scenario_load(text: str) -> Scenario:
    return scenario_parse(text, legal_days_default=legal_days(clock.today()))


def scenario_run(scenario: Scenario, *, progress: Callable[[float], None] | None = None) -> dict:
    """{"name", "runs": [{"name", "totals", "weeks"}]}: the base first, then each what-if."""
    models = [(_("Base"), scenario.base), *scenario.what_ifs]
    runs = []
    for i, (name, model) in enumerate(models):
        step = (lambda share, i=i: progress((i + share) / len(models))) if progress else None
        result = simulate(model, progress=step)
        runs.append({"name": name, **result.as_json()})
    if progress:
        progress(1.0)
    return {"name": scenario.name, "runs": runs}


def scenario_charts(figures: dict) -> dict[str, str]:
    runs = figures["runs"]
    labels = [str(week["week"]) for week in runs[0]["weeks"]] if runs else []
    return {
        "stock": line_chart_svg(
            title=_("Stock at the end of each week, per scenario"),
            labels=labels,
            series=[(run["name"], [w["stock"] for w in run["weeks"]]) for run in runs],
            ylabel=_("Open applications"),
        ),
        "on_time": line_chart_svg(
            title=_("Share decided on time per week, per scenario"),
            labels=labels,
            series=[
                (
                    run["name"],
                    [
                        None if w["on_time_share"] is None else round(100 * w["on_time_share"], 1)
                        for w in run["weeks"]
                    ],
                )
                for run in runs
            ],
            ylabel=_("% on time"),
        ),
    }


def simulation_request(*, actor, text: str) -> SimulationRun:
    """Check the scenario (ScenarioError names the field) and queue its run for the worker."""
    scenario = scenario_load(text)
    with transaction.atomic():
        run = SimulationRun.objects.create(
            name=scenario.name[:200], scenario=text, created_by=actor, created_at=clock.now()
        )
        transaction.on_commit(partial(_enqueue, run.pk), robust=True)
    return run


def _enqueue(run_id: int) -> None:
    simulation_task.enqueue(run_id)


def simulation_execute(*, run_id: int) -> SimulationRun:
    """Run a queued simulation, writing its progress as it goes (the worker's task)."""
    claimed = SimulationRun.objects.filter(pk=run_id, state=SimulationRun.State.QUEUED).update(
        state=SimulationRun.State.RUNNING
    )
    run = SimulationRun.objects.get(pk=run_id)
    if not claimed:
        return run
    last = [0]

    def progress(share: float) -> None:
        percent = min(99, int(share * 100))
        if percent >= last[0] + 5:  # a write per 5%, not per unit
            last[0] = percent
            SimulationRun.objects.filter(pk=run_id).update(progress=percent)

    try:
        figures = scenario_run(scenario_load(run.scenario), progress=progress)
    except Exception as exc:  # the screen says what went wrong; the worker goes on
        SimulationRun.objects.filter(pk=run_id).update(
            state=SimulationRun.State.FAILED, error=str(exc)[:2000], finished_at=clock.now()
        )
    else:
        SimulationRun.objects.filter(pk=run_id).update(
            state=SimulationRun.State.DONE, progress=100, figures=figures, finished_at=clock.now()
        )
    run.refresh_from_db()
    return run


@task()
def simulation_task(run_id: int) -> str:
    """The worker's task (django-tasks): run one simulation."""
    return simulation_execute(run_id=run_id).state
