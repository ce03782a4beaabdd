"""The planning screen: a scenario in, a run with a progress bar, scenarios side by side."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.decorators import manager_required
from indigo.errors import InvalidInput
from indigo.planning.learning import scenario_example
from indigo.planning.models import SimulationRun
from indigo.planning.services import scenario_charts, simulation_request


@manager_required
def planning(request):
    text = request.POST.get("scenario") if request.method == "POST" else None
    error = None
    if text is not None:
        try:
            run = simulation_request(actor=request.user, text=text)
        except InvalidInput as exc:
            error = exc
        else:
            messages.success(request, _("The simulation has started."))
            return redirect("planning:run", run_id=run.pk)
    return render(
        request,
        "planning/planning.html",
        {
            "nav": "planning",
            "scenario": text if text is not None else scenario_example(clock.today()),
            "error": error,
            "runs": SimulationRun.objects.all()[:10],
        },
        status=400 if error else 200,
    )


@manager_required
def run_detail(request, run_id: int):
    run = get_object_or_404(SimulationRun, pk=run_id)
    context = {"nav": "planning", "run": run, "charts": None}
    if run.state == SimulationRun.State.DONE and run.figures:
        charts = scenario_charts(run.figures)
        context["charts"] = {k: mark_safe(v) for k, v in charts.items()}
    template = "planning/_run.html" if request.htmx else "planning/run.html"
    return render(request, template, context)
