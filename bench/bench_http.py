"""Indigo over HTTP against gunicorn, each figure beside a baseline measured in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/indigo_bench_http \
        .venv/bin/python bench/bench_http.py [--applications 100000] [--seconds 10]

1. Intake: `POST /api/v1/applications` at 1 and 8 clients against the very SQL that
   request sends (captured from a real request, replayed by pgbench with the same
   clients): the ratio says how much of the database's own rate the application keeps.
2. The applicant's status page and `GET /api/v1/applications/{reference}` against a
   trivial view on the same server (`/health/live`), at 4 clients.
3. The resident memory of each web process after the mixed requests (goal: < 150 MB
   after 10,000).

Series run interleaved, round after round, so that they see the same machine. The
database must be the benchmark's own (the generator refuses one with real data).
Results: printed, and as JSON in bench/results/ with the machine's description.
"""

import argparse
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "indigo.settings")
os.environ["INDIGO_DEBUG"] = "0"
os.environ.setdefault("INDIGO_SECRET_KEY", "bench-" + "x" * 50)
os.environ.setdefault("INDIGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

from loadclient import Request, load  # noqa: E402

GOALS = {"intake_8": 0.15, "status_page": 0.5, "rss_mb": 150}


def log(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(applications: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from indigo.catalog.models import ProductVersion
    from indigo.catalog.services import catalog_load
    from indigo.demo.national import GenerateError, generate

    call_command("migrate", verbosity=0)
    if not ProductVersion.objects.exists():
        catalog_load()
    began = time.monotonic()

    def progress(done, total):
        print(f"\r  generating {done:,}/{total:,}", end="", flush=True)

    from indigo.cases.models import Application

    ours = ("indigo-generator", "bench-http-staff")
    if Application.objects.exclude(created_by__username__in=ours).exists():
        sys.exit("bench: this database holds applications the benchmark did not make.")
    try:
        # What the benchmark filed itself in earlier runs is its own: not a reason to stop.
        report = generate(applications=applications, progress=progress, force=True)
    except GenerateError as error:
        sys.exit(f"bench: {error}")
    print()
    log(
        f"data: {applications:,} applications ({report.applications:,} new) "
        f"in {time.monotonic() - began:,.0f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("CREATE SEQUENCE IF NOT EXISTS bench_intake_ref")
    return _accounts()


def _accounts() -> dict:
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from rest_framework.authtoken.models import Token

    from indigo.accounts.roles import Role
    from indigo.cases.models import Application

    User = get_user_model()
    staff, _ = User.objects.get_or_create(username="bench-http-staff")
    staff.groups.add(Group.objects.get_or_create(name=Role.CASEWORKER.value)[0])
    token, _ = Token.objects.get_or_create(user=staff)
    # An applicant with a portal account, for the status page.
    application = (
        Application.objects.filter(status="assessment", product__confidential=False)
        .select_related("applicant")
        .order_by("id")
        .first()
    )
    person, _ = User.objects.get_or_create(username="bench-http-applicant")
    person.groups.add(Group.objects.get_or_create(name=Role.APPLICANT.value)[0])
    applicant = application.applicant
    applicant.user = person
    applicant.save(update_fields=["user"])
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.save()
    own, _ = Token.objects.get_or_create(user=person)
    return {
        "token": token.key,
        "applicant_token": own.key,
        "reference": application.reference,
        "session": session.session_key,
    }


INTAKE_BODY = {
    "product": "study",
    "channel": "post",
    "applicant": {
        "given_names": "Bench",
        "surname": "VARY",
        "date_of_birth": "2001-05-14",
        "nationality": "CHN",
        "language": "en",
    },
}


def captured_intake_sql(token: str) -> str:
    """A pgbench script: the SQL one real intake request sends, in order."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/api/v1/applications",
            INTAKE_BODY,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
            HTTP_HOST="127.0.0.1",
        )
    if response.status_code != 201:
        sys.exit(f"bench: the intake request answered {response.status_code}: {response.content!r}")
    reference = response.json()["reference"]
    statements = [q["sql"].replace("\n", " ") for q in queries.captured_queries]
    # The rows the request inserted get fresh ids on every replay: each INSERT keeps its
    # new id in a pgbench variable (\gset) that the later statements use instead.
    inserted = {}
    with connection.cursor() as cursor:
        for sql in statements:
            table = re.match(r'INSERT INTO "(\w+)"', sql)
            if table and "RETURNING" in sql and table.group(1) not in inserted:
                cursor.execute(f'SELECT MAX(id) FROM "{table.group(1)}"')
                inserted[table.group(1)] = cursor.fetchone()[0]
    lines = []
    for sql in statements:
        sql = sql.replace(f"'{reference}'", "('PB' || nextval('bench_intake_ref'))")
        sql = re.sub(r'"s\d+_x\d+"', "bench_sp", sql)
        table = re.match(r'INSERT INTO "(\w+)"', sql)
        for n, (name, row_id) in enumerate(inserted.items()):
            if table and table.group(1) == name and "RETURNING" in sql:
                sql = sql[: sql.rindex("RETURNING")] + f'RETURNING "{name}"."id" \\gset t{n}_'

                lines.append(sql)
                break
            sql = re.sub(rf"\b{row_id}\b", f":t{n}_id", sql)
        else:
            lines.append(sql + ";")
    return "\n".join(lines) + "\n"


def pgbench(script: str, *, clients: int, seconds: float) -> dict:
    from django.db import connection

    db = connection.settings_dict
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
    command = [
        "pgbench", "-n", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432),
        "-U", db["USER"] or "postgres", "-c", str(clients), "-j", str(clients),
        "-T", str(int(seconds)), "-f", f.name, db["NAME"],
    ]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    os.unlink(f.name)
    tps = re.search(r"tps = ([\d.]+)", out.stdout)
    latency = re.search(r"latency average = ([\d.]+) ms", out.stdout)
    if not tps:
        sys.exit(f"bench: pgbench failed:\n{out.stdout}\n{out.stderr}")
    return {"rate": float(tps.group(1)), "latency_ms": float(latency.group(1))}


def gunicorn(port: int, processes: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "INDIGO_BIND": f"127.0.0.1:{port}",
        "INDIGO_WEB_PROCESSES": str(processes),
        "INDIGO_WEB_MAX_REQUESTS": "0",  # measure memory growth, do not hide it
        "PYTHONPATH": str(ROOT),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy/gunicorn.conf.py"),
         "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit(f"bench: gunicorn did not start:\n{server.stderr.read().decode()[-2000:]}")


def rss_mb(server: subprocess.Popen) -> list[float]:
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def machine() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "postgresql": version,
        "load_average": os.getloadavg(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench: set DATABASE_URL to a PostgreSQL database of the benchmark's own.")
    if not 1 <= args.seconds <= 600 or not 1 <= args.rounds <= 20:
        sys.exit("bench: --seconds must be 1 to 600 and --rounds 1 to 20.")
    from worklist_and_get_next import database_ensure

    database_ensure(os.environ["DATABASE_URL"])
    accounts = prepare(args.applications)
    script = captured_intake_sql(accounts["token"])
    port = free_port()
    server = gunicorn(port, args.processes)
    api = (("Authorization", f"Token {accounts['token']}"), ("Content-Type", "application/json"))
    intake = Request("POST", "/api/v1/applications", json.dumps(INTAKE_BODY).encode(), api, "VARY")
    status = Request(
        "GET",
        f"/portal/applications/{accounts['reference']}",
        headers=(("Cookie", f"sessionid={accounts['session']}"),),
    )
    detail = Request(
        "GET",
        f"/api/v1/applications/{accounts['reference']}",
        headers=(("Authorization", f"Token {accounts['applicant_token']}"),),
    )
    trivial = Request("GET", "/health/live")
    series: dict[str, list] = {}
    try:
        load(port, trivial, clients=1, seconds=2)  # warm up every process
        for round_no in range(1, args.rounds + 1):
            log(f"round {round_no}/{args.rounds}")
            for clients in (1, 8):
                series.setdefault(f"intake_http_{clients}", []).append(
                    load(port, intake, clients=clients, seconds=args.seconds).__dict__
                )
                series.setdefault(f"intake_sql_{clients}", []).append(
                    pgbench(script, clients=clients, seconds=args.seconds)
                )
            for name, request in (("trivial", trivial), ("status", status), ("detail", detail)):
                series.setdefault(name, []).append(
                    load(port, request, clients=4, seconds=args.seconds).__dict__
                )
        rss = rss_mb(server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(args, series, rss, script)


def _rate(run: dict) -> float:
    return run["rate"] if "rate" in run else run["requests"] / run["seconds"]


def _median_rate(runs: list[dict]) -> float:
    """The median rate over the rounds (pgbench and the load client report alike)."""
    return statistics.median(_rate(r) for r in runs)


def report(args, series, rss, script) -> None:
    figures = {}
    lines = []
    for clients in (1, 8):
        http_rate = _median_rate(series[f"intake_http_{clients}"])
        sql_rate = _median_rate(series[f"intake_sql_{clients}"])
        figures[f"intake_{clients}"] = ratio = http_rate / sql_rate
        errors = sum(r["errors"] for r in series[f"intake_http_{clients}"])
        lines.append(
            f"intake, {clients} client(s): HTTP {http_rate:7.1f}/s vs its SQL {sql_rate:7.1f}/s "
            f"= {ratio:.2f}x" + (f"   ({errors} errors)" if errors else "")
        )
    trivial = _median_rate(series["trivial"])
    for name in ("status", "detail"):
        rate = _median_rate(series[name])
        figures[f"{name}_page"] = rate / trivial
        statuses = {k: v for r in series[name] for k, v in r["statuses"].items()}
        lines.append(
            f"{name:>7}, 4 clients: {rate:7.1f}/s vs trivial view {trivial:7.1f}/s "
            f"= {rate / trivial:.2f}x   (answers {statuses})"
        )
    requests = sum(
        r.get("requests", 0) + r.get("errors", 0)
        for runs in series.values()
        for r in runs
        if "requests" in r
    )
    figures["rss_mb"] = max(rss) if rss else 0
    lines.append(
        f"web process RSS after {requests:,} requests: " + ", ".join(f"{m:.0f} MB" for m in rss)
    )
    verdicts = [
        ("intake at 8 clients >= 0.15x its SQL", figures["intake_8"] >= GOALS["intake_8"]),
        ("status page >= 0.5x a trivial view", figures["status_page"] >= GOALS["status_page"]),
        ("web process < 150 MB", figures["rss_mb"] < GOALS["rss_mb"]),
    ]
    for line in lines:
        log(line)
    for goal, passed in verdicts:
        log(f"  {'PASS' if passed else 'MISS'}  {goal}")
    queries = script.count(";\n")
    log(f"(the intake request sends {queries} statements; load average {os.getloadavg()})")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results / f"http-{stamp}.json").write_text(
        json.dumps(
            {
                "arguments": vars(args),
                "machine": machine(),
                "figures": figures,
                "goals": {g: p for g, p in verdicts},
                "series": series,
                "intake_statements": queries,
            },
            indent=2,
            default=str,
        )
    )


if __name__ == "__main__":
    main()
