"""Managers' pages, dashboards and API lists as the data grows, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/indigo_bench_pages \
        .venv/bin/python bench/bench_pages.py [--sizes 100000,1000000] [--runs 30]

For each size a database of its own (the name in DATABASE_URL + "_<size>") is filled by
`indigo generate` once and reused. Every page is timed in-process with Django's test
client (server time with the whole middleware stack, no network), p50 and p95 over
`--runs` calls after warming up; the filtered API list also against the SQL it sends
(its SELECT statements, replayed on the cursor), in the same run. The summary compares each
page at the largest size with the smallest: the goal is under 1 s at 1M and at most
1.2x its time at 100k. Results as JSON in bench/results/.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PAGES = [
    # (name, who, path)
    ("units overview", "manager", "/work/units"),
    ("unit page", "manager", "/work/units/gen-regular-economic"),
    ("quality dashboard", "manager", "/quality/"),
    ("GET /api/v1/measures", "manager-api", "/api/v1/measures"),
    (
        "API list, filtered",
        "caseworker-api",
        "/api/v1/applications?status=assessment&product=study",
    ),
    ("worklist", "caseworker", "/work/"),
]
GOAL_SECONDS, GOAL_GROWTH = 1.0, 1.2


def log(message: str) -> None:
    print(message, flush=True)


def _percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=20)
    return statistics.median(values) * 1000, cuts[18] * 1000


def measure_one(size: int, runs: int) -> dict:
    """In a process whose DATABASE_URL is this size's database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "indigo.settings"
    os.environ["INDIGO_DEBUG"] = "0"
    os.environ.setdefault("INDIGO_SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("INDIGO_ALLOWED_HOSTS", "testserver,127.0.0.1")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from rest_framework.authtoken.models import Token

    from indigo.accounts.roles import Role
    from indigo.catalog.models import ProductVersion
    from indigo.catalog.services import catalog_load
    from indigo.demo.national import GenerateError, generate
    from indigo.organisation.models import Membership, Unit

    call_command("migrate", verbosity=0)
    if not ProductVersion.objects.exists():
        catalog_load()
    began = time.monotonic()
    try:
        generate(
            applications=size,
            chunk=10_000,
            progress=lambda d, t: print(f"\r  generating {d:,}/{t:,}", end="", flush=True),
        )
    except GenerateError as error:
        sys.exit(f"bench: {error}")
    log(f"\n  data ready in {time.monotonic() - began:,.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    User = get_user_model()
    users = {}
    for name, role in (("manager", Role.MANAGER), ("caseworker", Role.CASEWORKER)):
        user, _ = User.objects.get_or_create(username=f"bench-pages-{name}")
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
        for unit in Unit.objects.filter(code__in=["gen-regular-economic", "gen-regular-social"]):
            Membership.objects.get_or_create(
                user=user, unit=unit, defaults={"valid_from": "2000-01-01", "reason": "bench"}
            )
        users[name] = user
    clients = {}
    for name, user in users.items():
        client = Client()
        client.force_login(user)
        clients[name] = client
        api = Client(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
        clients[f"{name}-api"] = api
    results = {}
    for name, who, path in PAGES:
        client = clients[who]
        for _ in range(3):
            response = client.get(path)
        if response.status_code != 200:
            log(f"  {name}: answered {response.status_code}; skipped")
            results[name] = {"status": response.status_code}
            continue
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        # The reads the page makes (its writes, e.g. the processing log of who saw what,
        # are part of the page's cost, not of the baseline's).
        sql = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
        page, raw = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            client.get(path)
            page.append(time.perf_counter() - t0)
            if name.startswith("API list"):
                t0 = time.perf_counter()
                with connection.cursor() as cursor:
                    for statement in sql:
                        cursor.execute(statement)
                        if cursor.description:
                            cursor.fetchall()
                raw.append(time.perf_counter() - t0)
        p50, p95 = _percentiles(page)
        entry = {"p50_ms": p50, "p95_ms": p95, "queries": len(sql), "bytes": len(response.content)}
        if raw:
            entry["sql_p50_ms"], entry["sql_p95_ms"] = _percentiles(raw)
        results[name] = entry
        extra = (
            f"   its SQL p95 {entry['sql_p95_ms']:7.1f} ms = {p95 / entry['sql_p95_ms']:.1f}x"
            if raw
            else ""
        )
        log(f"  {name:<22} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  {len(sql):3d} queries{extra}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print("RESULT " + json.dumps(measure_one(args.one, args.runs)), flush=True)
        return
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        sys.exit("bench: set DATABASE_URL to PostgreSQL (a database name of the benchmark's own).")
    try:
        sizes = sorted(int(s) for s in args.sizes.split(","))
    except ValueError:
        sys.exit("bench: --sizes is a comma-separated list of numbers, e.g. 100000,1000000.")
    if not sizes or sizes[0] < 1000 or not 3 <= args.runs <= 1000:
        sys.exit("bench: sizes from 1,000 up and --runs 3 to 1,000.")
    from worklist_and_get_next import database_ensure

    by_size = {}
    for size in sizes:
        url = f"{base}_{size}"
        database_ensure(url)
        log(f"{size:,} applications ({url.rsplit('/', 1)[1]})")
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--runs", str(args.runs)],
            env={**os.environ, "DATABASE_URL": url},
            stdout=subprocess.PIPE,
            text=True,
            check=False,
        )
        for line in out.stdout.splitlines():
            if line.startswith("RESULT "):
                by_size[size] = json.loads(line[7:])
            else:
                log(line)
        if size not in by_size:
            sys.exit(f"bench: the run at {size:,} failed")
    small, large = sizes[0], sizes[-1]
    verdicts = {}
    log(
        f"\nsummary: p95 at {large:,} (goal < {GOAL_SECONDS:.0f} s) and vs {small:,} "
        f"(goal <= {GOAL_GROWTH}x)"
    )
    for name, *_ in PAGES:
        a, b = by_size[small].get(name, {}), by_size[large].get(name, {})
        if "p95_ms" not in a or "p95_ms" not in b:
            continue
        growth = b["p95_ms"] / a["p95_ms"]
        ok = b["p95_ms"] < GOAL_SECONDS * 1000 and (large == small or growth <= GOAL_GROWTH)
        verdicts[name] = ok
        log(f"  {'PASS' if ok else 'MISS'}  {name:<22} {b['p95_ms']:8.1f} ms   {growth:5.2f}x")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results / f"pages-{stamp}.json").write_text(
        json.dumps(
            {
                "sizes": by_size,
                "goals": verdicts,
                "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
