"""Benchmark: the quality dashboards and GET /api/v1/measures at a million applications.

    make bench-quality                     # 1,000,000 applications, its own database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/indigo_bench_quality \\
      .venv/bin/python bench/quality_measures.py [--applications 1000000] [--runs 5]

The issue's goal: on PostgreSQL with 1,000,000 applications and their events, every
dashboard and `GET /api/v1/measures` answers in under 1 second. Data: `bench_data`
(applications and tasks), `bench_quality_data` (their events, then the facts derived
by the production code). Each page is requested through Django's test client as the
directorate (all units) after one warm-up; the worst of `--runs` counts. Prints the
figures and PASS/FAIL; exits 0 either way.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from worklist_and_get_next import database_ensure, django_setup  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/indigo_bench_quality"
GOAL_SECONDS = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    database_ensure(os.environ["DATABASE_URL"])
    django_setup()
    import bench_data
    import bench_org
    import bench_quality_data
    from django.core.management import call_command
    from django.test import Client

    from indigo import clock
    from indigo.accounts.tests.factories import user_with_role
    from indigo.catalog.models import Product
    from indigo.catalog.services import catalog_load

    call_command("migrate", interactive=False, verbosity=0)
    if not Product.objects.exists():
        catalog_load()
    bench_org.organisation_ensure()
    today = clock.today()
    t0 = time.perf_counter()
    made = bench_data.applications_generate(target=args.applications, today=today)
    print(f"applications: {made} ({time.perf_counter() - t0:.0f} s)")
    events = bench_quality_data.events_generate(today=today)
    print(f"events: {events['events']:,} written in {events['seconds']:.0f} s")
    facts = bench_quality_data.facts_ensure()
    print(f"facts: {facts['facts']:,} ({facts['refreshed']:,} derived in {facts['seconds']:.0f} s)")

    from django.contrib.auth import get_user_model

    director = get_user_model().objects.filter(username="bench-director").first()
    if director is None:
        director = user_with_role("admin", username="bench-director")
    manager = get_user_model().objects.filter(username="bench-manager").first()
    if manager is None:
        from indigo.organisation.models import Unit

        manager = user_with_role(
            "manager", username="bench-manager", units=[Unit.objects.get(code="bench-asylum")]
        )
    year = f"from={today.replace(year=today.year - 1).isoformat()}&to={today.isoformat()}"
    pages = [
        ("GET /api/v1/measures (13 weeks)", director, "/api/v1/measures"),
        ("GET /api/v1/measures (a year)", director, f"/api/v1/measures?{year}"),
        ("GET /api/v1/measures group_by=product", director, "/api/v1/measures?group_by=product"),
        ("GET /api/v1/measures group_by=unit", director, "/api/v1/measures?group_by=unit"),
        ("GET /api/v1/measures group_by=week", director, "/api/v1/measures?group_by=week"),
        (
            "GET /api/v1/measures group_by=month (a year)",
            director,
            f"/api/v1/measures?{year}&group_by=month",
        ),
        ("GET /api/v1/measures product=asylum", director, "/api/v1/measures?product=asylum"),
        ("dashboard, directorate", director, "/quality/"),
        ("dashboard, manager of one unit", manager, "/quality/"),
        ("dashboard, the chain", director, "/quality/chain"),
        ("dashboard CSV per week", director, "/quality/measures.csv"),
    ]
    print(f"\n{'page':48} {'median':>8} {'worst':>8}")
    failures = 0
    for name, user, url in pages:
        client = Client()
        client.force_login(user)
        response = client.get(url)  # warm-up (and a check that it works)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - started)
        worst = max(times)
        failures += worst >= GOAL_SECONDS
        print(f"{name:48} {statistics.median(times) * 1000:7.0f}ms {worst * 1000:7.0f}ms")
    verdict = "PASS" if not failures else f"FAIL ({failures} over {GOAL_SECONDS:.0f} s)"
    print(
        f"\n{verdict}: every dashboard and /api/v1/measures under {GOAL_SECONDS:.0f} s "
        f"at {facts['facts']:,} applications"
    )


if __name__ == "__main__":
    main()
