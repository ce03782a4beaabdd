"""indigo simulate SCENARIO.yaml | indigo simulate --example"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indigo import clock
from indigo.errors import InvalidInput
from indigo.planning.learning import scenario_example
from indigo.planning.services import scenario_charts, scenario_load, scenario_run


class Command(BaseCommand):
    help = (
        "Simulate a capacity scenario and its what-ifs: figures as JSON on stdout, and a "
        "chart (SVG) with --chart. --example prints a scenario to start from."
    )

    def add_arguments(self, parser):
        parser.add_argument("scenario", nargs="?", help="A scenario file (YAML).")
        parser.add_argument("--example", action="store_true", help="Print a scenario.")
        parser.add_argument("--chart", help="Write the stock chart of all scenarios here (SVG).")

    def handle(self, *args, scenario=None, example=False, chart=None, **options):
        if example:
            self.stdout.write(scenario_example(clock.today()))
            return
        if not scenario:
            raise CommandError("Give a scenario file, or --example to print one.")
        path = Path(scenario)
        if not path.is_file():
            raise CommandError(f"There is no file {scenario}.")
        try:
            loaded = scenario_load(path.read_text(encoding="utf-8"))
        except InvalidInput as exc:
            raise CommandError(f"{path}: {exc.message}") from None
        figures = scenario_run(loaded)
        if chart:
            Path(chart).write_text(scenario_charts(figures)["stock"], encoding="utf-8")
        self.stdout.write(json.dumps(figures, indent=2))
