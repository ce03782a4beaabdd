"""Synthetic data for the benchmark, generated set-based in PostgreSQL.

One statement per chunk writes applicants, applications and their tasks together
(data-modifying CTEs), so a chunk is all or nothing and a rerun resumes after the
last complete chunk. Rows carry a recognisable key: applicant `v_number` and
application `reference` ("BN-000000042") are the row's number in the series.

Shape (the issue's "realistic spread"):
- products weighted by rough IND volumes, every product of the catalog present;
  the product version is the one in force on the receipt date;
- statuses mostly open phases; received_on over the last 14 months (later phases
  older); decision_due = received_on + 90 days;
- one `handle` task per application in `process:<process>`; for the applications
  that reached assessment (about half) two assessment tasks from the version's task
  definitions: one `process:` task and one `specialism:` task (document examination
  or language analysis) where the version defines one, else a second process task;
- start_by = decision_due - reserve - expected_days (handle: the longest expected
  days of its assessment tasks, or of the version's definitions before assessment);
- owners (handle of applications in assessment and later) and about a quarter of
  the open assessment tasks are assigned to 2,000 synthetic employees of the task's queue;
  done tasks keep who did them. Most open tasks are unassigned: the "get next" pool.
"""

import random
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from indigo.cases.models import Applicant, Application
from indigo.catalog.models import Product, ProductVersion, TaskDefinition
from indigo.organisation.models import Membership
from indigo.work.models import Task

REF_PREFIX = "BN-"
SPECIALISMS = ("document-examination", "language-analysis")

# Rough shares of the intake (weights, not law); unknown products get weight 3.
PRODUCT_WEIGHTS = {
    "asylum": 20,
    "naturalisation": 12,
    "family-partner": 14,
    "family-child": 7,
    "permanent-residence-eu": 5,
    "study": 12,
    "highly-skilled-migrant": 12,
    "eu-blue-card": 3,
    "paid-employment": 6,
    "au-pair": 2,
    "exchange": 7,
}
# (status, share, received between N and M days ago)
STATUSES = [
    ("received", 0.30, 0, 180),
    ("intake", 0.20, 0, 200),
    ("assessment", 0.25, 20, 425),
    ("decision", 0.05, 40, 425),
    ("suspended", 0.06, 20, 425),
    ("objection", 0.02, 120, 425),
    ("notified", 0.08, 90, 425),
    ("closed", 0.02, 150, 425),
    ("withdrawn", 0.02, 10, 425),
]
ASSESSED = ("assessment", "decision", "objection", "notified", "closed")
TASKS_DONE = ("decision", "objection", "notified", "closed")
HANDLE_DONE = ("notified", "closed")


def log(msg: str) -> None:
    print(msg, flush=True)


# --- helpers -------------------------------------------------------------------------


def _fill_columns(model, explicit: set[str]) -> tuple[list[str], list]:
    """Columns not written by the generator, filled with the model's default.

    The models are being edited while this benchmark lives; a new NOT NULL column with
    a default is then filled instead of breaking the INSERT.
    """
    cols, values = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.column in explicit:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = timezone.now()
        elif field.has_default() or field.null or field.empty_strings_allowed:
            value = field.get_db_prep_save(field.get_default(), connection)
        else:
            raise RuntimeError(
                f"bench: no value for the new column {model.__name__}.{field.name}; "
                "teach bench/bench_data.py about it"
            )
        cols.append(field.column)
        values.append(value)
    return cols, values


# --- applications and tasks ----------------------------------------------------------


def generated_count() -> int:
    """The number of the last complete chunk's last application (0: none yet)."""
    last = (
        Application.objects.filter(reference__startswith=REF_PREFIX)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    return int(last[len(REF_PREFIX) :]) if last else 0


def foreign_applications() -> int:
    """Applications the benchmark did not make: a sign DATABASE_URL is not a bench DB."""
    return Application.objects.exclude(reference__startswith=REF_PREFIX)[:1000].count()


def _temp_tables() -> None:
    """Small lookup tables for the generator: products, versions, staff by queue."""
    products = list(Product.objects.order_by("code"))
    total = sum(PRODUCT_WEIGHTS.get(p.code, 3) for p in products)
    rows, lo = [], 0.0
    for p in products:
        hi = lo + PRODUCT_WEIGHTS.get(p.code, 3) / total
        rows.append((p.pk, p.process, lo, hi if p is not products[-1] else 1.000001))
        lo = hi
    version_rows = []
    for p in products:
        versions = list(ProductVersion.objects.filter(product=p).order_by("valid_from"))
        for i, v in enumerate(versions):
            start = date.min if i == 0 else v.valid_from
            end = versions[i + 1].valid_from if i + 1 < len(versions) else date.max
            defs = list(TaskDefinition.objects.filter(version=v).order_by("code"))
            process_defs = [d for d in defs if d.queue_kind == "process"]
            special = [d for d in defs if d.queue_kind == "specialism" and d.code in SPECIALISMS]
            t1 = process_defs[0] if process_defs else None
            t2 = special or process_defs[1:2]
            t2a, t2b = (t2[0], t2[-1]) if t2 else (None, None)
            max_days = max((d.expected_days for d in defs), default=0)
            version_rows.append(
                (
                    v.pk,
                    p.pk,
                    start,
                    end,
                    max_days,
                    *_def_cols(t1, p.process),
                    *_def_cols(t2a, p.process),
                    *_def_cols(t2b, p.process),
                )
            )
    staff: dict[str, list[int]] = {}
    for m in Membership.objects.filter(user__username__startswith="bench-emp-").select_related(
        "unit"
    ):
        for q in m.unit.queues():
            staff.setdefault(q, []).append(m.user_id)
    with connection.cursor() as c:
        c.execute("DROP TABLE IF EXISTS bench_product, bench_version, bench_staff")
        c.execute(
            "CREATE TEMP TABLE bench_product (product_id bigint, process text, "
            "lo float8, hi float8)"
        )
        c.executemany("INSERT INTO bench_product VALUES (%s, %s, %s, %s)", rows)
        defcols = ", ".join(
            f"{t}_{c} {ty}"
            for t in ("t1", "t2a", "t2b")
            for c, ty in (
                ("def", "bigint"),
                ("code", "text"),
                ("queue", "text"),
                ("blocking", "bool"),
                ("days", "int"),
                ("due_days", "int"),
            )
        )
        c.execute(
            f"CREATE TEMP TABLE bench_version (version_id bigint, v_product_id bigint, "
            f"valid_from date, valid_until date, max_days int, {defcols})"
        )
        c.executemany(f"INSERT INTO bench_version VALUES ({', '.join(['%s'] * 23)})", version_rows)
        c.execute("CREATE TEMP TABLE bench_staff (queue text PRIMARY KEY, ids int[])")
        c.executemany("INSERT INTO bench_staff VALUES (%s, %s)", list(staff.items()))
        c.execute("ANALYZE bench_product; ANALYZE bench_version; ANALYZE bench_staff")


def _def_cols(d: TaskDefinition | None, process: str) -> tuple:
    if d is None:
        return (None,) * 6
    return (d.pk, d.code, d.queue_for(process), d.blocking, d.expected_days, d.due_days)


# One statement per chunk; see the file for the shape of the data.
_CHUNK_SQL = (Path(__file__).with_name("generate_chunk.sql")).read_text()


def _chunk_sql() -> tuple[str, dict]:
    cum, status_case, age_case = 0.0, [], []
    for status, share, lo_days, hi_days in STATUSES:
        cum += share
        status_case.append(f"WHEN r_stat < {cum:.4f} THEN '{status}'")
        age_case.append(f"WHEN '{status}' THEN {lo_days} + (r_age * {hi_days - lo_days})::int")
    status_case[-1] = f"ELSE '{STATUSES[-1][0]}'"
    params, parts = {}, {}
    for name, model, explicit in (
        (
            "applicant",
            Applicant,
            {"given_names", "surname", "date_of_birth", "nationality", "v_number"},
        ),
        (
            "application",
            Application,
            {
                "reference",
                "product_id",
                "product_version_id",
                "applicant_id",
                "received_on",
                "status",
                "decision_due",
                "notified_on",
                "created_at",
                "updated_at",
            },
        ),
        (
            "task",
            Task,
            {
                "application_id",
                "definition_id",
                "code",
                "queue",
                "blocking",
                "expected_days",
                "state",
                "assignee_id",
                "assigned_at",
                "due_on",
                "start_by",
                "outcome",
                "result",
                "completed_at",
                "completed_by_id",
                "created_at",
            },
        ),
    ):
        cols, values = _fill_columns(model, explicit)
        parts[f"{name}_fill_cols"] = "".join(f", {c}" for c in cols)
        parts[f"{name}_fill_vals"] = "".join(f", %({name}_{c})s" for c in cols)
        params.update({f"{name}_{c}": v for c, v in zip(cols, values, strict=True)})

    def tup(xs):
        return "(" + ", ".join(f"'{x}'" for x in xs) + ")"

    sql = _CHUNK_SQL.format(
        status_case=" ".join(status_case),
        age_case=" ".join(age_case),
        assessed=tup(ASSESSED),
        tasks_done=tup(TASKS_DONE),
        handle_done=tup(HANDLE_DONE),
        **parts,
    )
    return sql, params


def applications_generate(*, target: int, today: date) -> dict:
    """Generate applications (and tasks) up to `target`; returns timings."""
    have = generated_count()
    if have >= target:
        log(f"applications {have:,} already there (asked for {target:,}): reusing them")
        return {"generated": 0, "seconds": 0.0}
    _temp_tables()
    sql, params = _chunk_sql()
    chunk = max(5_000, min(100_000, target // 10))
    log(f"generating applications {have + 1:,}..{target:,} in chunks of {chunk:,}")
    started = time.perf_counter()
    with connection.cursor() as c:
        # Durability of a crash during the generation is not needed; correctness is
        # untouched (constraints, foreign keys and indexes all stay in force).
        c.execute("SET synchronous_commit TO off")
        c.execute("SET work_mem TO '64MB'")
        lo = have + 1
        while lo <= target:
            hi = min(target, lo + chunk - 1)
            random.seed(hi)
            c.execute("SELECT setseed(%s)", [random.random()])
            t0 = time.perf_counter()
            with transaction.atomic():
                c.execute(
                    sql,
                    {
                        **params,
                        "lo": lo,
                        "hi": hi,
                        "today": today,
                        "reserve": settings.INDIGO_DECISION_RESERVE_DAYS,
                    },
                )
                tasks = c.rowcount
            dt = time.perf_counter() - t0
            log(
                f"applications {hi:,}/{target:,}  (+{tasks:,} tasks, {dt:.1f} s, "
                f"{(hi - lo + 1) / dt:,.0f} applications/s)"
            )
            lo = hi + 1
        c.execute("SET synchronous_commit TO DEFAULT")
        c.execute("RESET work_mem")
    return {"generated": target - have, "seconds": time.perf_counter() - started}


def analyze() -> float:
    """VACUUM ANALYZE the big tables, as autovacuum would soon after a bulk load."""
    t0 = time.perf_counter()
    with connection.cursor() as c:
        for table in (
            "cases_applicant",
            "cases_application",
            "work_task",
            "cases_applicationevent",
            "auth_user",
            "organisation_membership",
        ):
            c.execute(f"VACUUM (ANALYZE) {table}")
    return time.perf_counter() - t0


def data_profile() -> dict:
    """Counts that show the spread, for the report."""
    with connection.cursor() as c:
        c.execute(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE state = 'open'),
                   count(*) FILTER (WHERE assignee_id IS NOT NULL),
                   count(*) FILTER (WHERE state = 'open' AND assignee_id IS NOT NULL),
                   count(*) FILTER (WHERE state = 'open' AND assignee_id IS NULL),
                   count(*) FILTER (WHERE code = 'handle')
            FROM work_task
            """
        )
        tasks, open_, assigned, open_assigned, pool, handles = c.fetchone()
        c.execute("SELECT count(*) FROM cases_application")
        (applications,) = c.fetchone()
        c.execute(
            "SELECT queue, count(*) FROM work_task WHERE state = 'open' "
            "AND assignee_id IS NULL GROUP BY queue ORDER BY queue"
        )
        pool_by_queue = dict(c.fetchall())
        c.execute("SELECT status, count(*) FROM cases_application GROUP BY status ORDER BY 2 DESC")
        statuses = dict(c.fetchall())
        c.execute(
            "SELECT min(received_on), max(received_on), count(DISTINCT product_id) "
            "FROM cases_application"
        )
        first, last, products = c.fetchone()
        c.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM ("
            " SELECT count(*) AS n FROM work_task t JOIN auth_user u ON u.id = t.assignee_id"
            " WHERE t.state = 'open' AND u.username LIKE %s GROUP BY t.assignee_id) x",
            ["bench-emp-%"],
        )
        (median_open_per_employee,) = c.fetchone()
    return {
        "applications": applications,
        "products": products,
        "received": (first, last),
        "statuses": statuses,
        "tasks": tasks,
        "handle_tasks": handles,
        "open": open_,
        "assigned": assigned,
        "open_assigned": open_assigned,
        "pool": pool,
        "pool_by_queue": pool_by_queue,
        "median_open_per_employee": median_open_per_employee,
    }
