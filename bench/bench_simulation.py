"""A year of national intake through the capacity simulation (issue 15: under 15 s).

    DATABASE_URL=... .venv/bin/python bench/bench_simulation.py [--runs 3]

Uses the illustrative national scenario of `indigo simulate --example` (about 600,000
applications a year, about 3,000 staff, five units, eleven products) and times the
base scenario alone and all four scenarios together. Prints figures and PASS/FAIL;
needs only the catalog (it is loaded when missing).
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "indigo.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from indigo.catalog.models import Product  # noqa: E402
from indigo.catalog.services import catalog_load  # noqa: E402
from indigo.planning.learning import _national_example  # noqa: E402
from indigo.planning.services import scenario_load  # noqa: E402
from indigo.planning.simulation import simulate  # noqa: E402

GOAL_SECONDS = 15.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not Product.objects.exists():
        catalog_load()
    scenario = scenario_load(_national_example())
    staff = sum(s[0] for s in scenario.base.staff.values())
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        result = simulate(scenario.base)
        timings.append(time.perf_counter() - started)
    totals = result.totals()
    print(f"national year: {totals['intake']:,} applications, {staff:,} staff, 52 weeks")
    print(f"  base scenario: best {min(timings):.2f} s, worst {max(timings):.2f} s")
    print(f"  figures: {totals}")
    started = time.perf_counter()
    for _name, model in [("base", scenario.base), *scenario.what_ifs]:
        simulate(model)
    together = time.perf_counter() - started
    print(f"  base and {len(scenario.what_ifs)} what-ifs together: {together:.2f} s")
    verdict = "PASS" if max(timings) < GOAL_SECONDS else "FAIL"
    print(f"{verdict}: a national year simulates in under {GOAL_SECONDS:.0f} s")


if __name__ == "__main__":
    main()
