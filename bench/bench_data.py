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
- owners (handle of applications in assessment and later) and about a fifth of the
  open assessment tasks are assigned to 2,000 synthetic employees of the task's queue;
  done tasks keep who did them. Most open tasks are unassigned: the "get next" pool.
"""

import random
import time
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from indigo.accounts.roles import Role
from indigo.cases.models import Applicant, Application
from indigo.catalog.models import Product, ProductVersion, TaskDefinition
from indigo.organisation.models import Location, Membership, Unit
from indigo.work.models import Task

REF_PREFIX = "BN-"
EMPLOYEES = 2000
SPECIALISMS = ("document-examination", "language-analysis")
WORKLIST_USER = "bench-worklist"
WORKLIST_OPEN_TASKS = 50
WORKLIST_DONE_TASKS = 25

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

# The employees: process units of caseworkers and specialist units.
PROCESS_UNITS = {  # unit code -> process
    "bench-asylum": "asylum",
    "bench-naturalisation": "naturalisation",
    "bench-regular-social": "regular-social",
    "bench-regular-economic": "regular-economic",
}
SPECIALIST_UNITS = {  # unit code -> specialism
    "bench-documents": "document-examination",
    "bench-language": "language-analysis",
}
BOTH_REGULAR_UNIT = "bench-regular"  # covers both regular processes (two queues)


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


def _staff_user(username: str, role: Role, first: str, last: str):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@bench.invalid"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    return user


def _unit(code: str, kind: str, *, processes=(), specialisms=(), city="Zwolle") -> Unit:
    location, _ = Location.objects.get_or_create(
        code=f"bench-{city.lower()}", defaults={"name": f"IND {city}", "city": city}
    )
    unit, _ = Unit.objects.update_or_create(
        code=code,
        defaults={
            "name_en": code,
            "name_nl": code,
            "kind": kind,
            "location": location,
            "processes": list(processes),
            "specialisms": list(specialisms),
        },
    )
    return unit


def _join(user, unit: Unit, *, temporary=False) -> None:
    Membership.objects.get_or_create(
        user=user,
        unit=unit,
        defaults={"valid_from": date(2020, 1, 1), "temporary": temporary, "reason": "bench"},
    )


# --- the organisation ----------------------------------------------------------------


def organisation_ensure() -> dict:
    """Units, 2,000 employees, the worklist user and the 8 get-next workers."""
    units = {
        code: _unit(code, Unit.Kind.INTEGRAL, processes=[p]) for code, p in PROCESS_UNITS.items()
    }
    units.update(
        {
            code: _unit(code, Unit.Kind.SPECIALIST, specialisms=[s], city="Rijswijk")
            for code, s in SPECIALIST_UNITS.items()
        }
    )
    units[BOTH_REGULAR_UNIT] = _unit(
        BOTH_REGULAR_UNIT,
        Unit.Kind.INTEGRAL,
        processes=["regular-social", "regular-economic"],
        city="Den Bosch",
    )
    _employees_ensure(units)
    worklist_user = _staff_user(WORKLIST_USER, Role.CASEWORKER, "Wendy", "Worklist")
    _join(worklist_user, units["bench-regular-economic"])
    workers = _workers_ensure(units)
    return {"units": units, "worklist_user": worklist_user, "workers": workers}


def _employees_ensure(units: dict) -> None:
    """2,000 employees: 1,600 caseworkers over the process units, 400 specialists."""
    User = get_user_model()
    if User.objects.filter(username__startswith="bench-emp-").count() >= EMPLOYEES:
        return
    caseworker, _ = Group.objects.get_or_create(name=Role.CASEWORKER.value)
    specialist, _ = Group.objects.get_or_create(name=Role.SPECIALIST.value)
    process_units = list(PROCESS_UNITS)
    specialist_units = list(SPECIALIST_UNITS)
    with transaction.atomic():
        existing = set(
            User.objects.filter(username__startswith="bench-emp-").values_list(
                "username", flat=True
            )
        )
        new = [
            User(
                username=f"bench-emp-{n:04d}",
                first_name="Employee",
                last_name=f"{n:04d}",
                email=f"bench-emp-{n:04d}@bench.invalid",
                password="!bench-no-login",
            )
            for n in range(1, EMPLOYEES + 1)
            if f"bench-emp-{n:04d}" not in existing
        ]
        User.objects.bulk_create(new, batch_size=1000)
        made = User.objects.filter(username__in=[u.username for u in new]).order_by("username")
        links, memberships = [], []
        for user in made:
            n = int(user.username.rsplit("-", 1)[1])
            if n <= EMPLOYEES * 8 // 10:
                unit, group = units[process_units[n % len(process_units)]], caseworker
            else:
                unit, group = units[specialist_units[n % len(specialist_units)]], specialist
            links.append(User.groups.through(user_id=user.pk, group_id=group.pk))
            memberships.append(
                Membership(user=user, unit=unit, valid_from=date(2020, 1, 1), reason="bench")
            )
        User.groups.through.objects.bulk_create(links, ignore_conflicts=True)
        Membership.objects.bulk_create(memberships)


# The get-next workers: queues chosen so that every queue is shared (contention) and
# three of them cover two queues (a unit serving two processes, a temporary loan).
WORKERS = [
    ("bench-next-1", Role.CASEWORKER, ["bench-asylum"]),
    ("bench-next-2", Role.CASEWORKER, ["bench-asylum", "bench-naturalisation"]),
    ("bench-next-3", Role.CASEWORKER, [BOTH_REGULAR_UNIT]),
    ("bench-next-4", Role.CASEWORKER, [BOTH_REGULAR_UNIT]),
    ("bench-next-5", Role.CASEWORKER, ["bench-regular-economic"]),
    ("bench-next-6", Role.CASEWORKER, ["bench-regular-social"]),
    ("bench-next-7", Role.SPECIALIST, ["bench-documents"]),
    ("bench-next-8", Role.SPECIALIST, ["bench-language"]),
]


def _workers_ensure(units: dict) -> list:
    workers = []
    for username, role, unit_codes in WORKERS:
        user = _staff_user(username, role, "Worker", username.rsplit("-", 1)[1])
        for i, code in enumerate(unit_codes):
            _join(user, units[code], temporary=i > 0 and code != BOTH_REGULAR_UNIT)
        workers.append(user)
    return workers


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


def _temp_tables(today: date) -> None:
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


_CHUNK_SQL = """
WITH g AS (
  SELECT i, random() AS r_prod, random() AS r_stat, random() AS r_age,
         random() AS r_name, random() AS r_t2, random() AS r_own, random() AS r_t1,
         random() AS r_t2s, random() AS r_susp
  FROM generate_series(%(lo)s::int, %(hi)s::int) AS i
), s0 AS (
  SELECT g.*, p.product_id, p.process,
         CASE {status_case} END AS status
  FROM g JOIN bench_product p ON g.r_prod >= p.lo AND g.r_prod < p.hi
), s1 AS (
  SELECT s0.*,
         (%(today)s::date - (CASE s0.status {age_case} END)) AS received_on
  FROM s0
), src AS (
  SELECT s1.*, v.*,
         s1.received_on + 90 AS decision_due,
         'BN-' || lpad(s1.i::text, 9, '0') AS ref,
         lpad(s1.i::text, 10, '0') AS vnum,
         (v.t1_code IS NOT NULL AND (s1.status IN {assessed}
            OR (s1.status = 'suspended' AND s1.r_susp < 0.5))) AS assessed
  FROM s1 JOIN bench_version v
    ON v.v_product_id = s1.product_id
   AND s1.received_on >= v.valid_from AND s1.received_on < v.valid_until
), ins_applicant AS (
  INSERT INTO cases_applicant
    (given_names, surname, date_of_birth, nationality, v_number {applicant_fill_cols})
  SELECT (ARRAY['Amira','Jonas','Mei','Tariq','Sofia','Lucas','Yara','Omar','Ines',
                'Daniel','Fatima','Noah','Aylin','Mateo','Leila','Ivan'])[1 + (r_name * 16)::int %% 16],
         (ARRAY['Haddad','de Vries','Chen','Rahimi','Garcia','Jansen','Okafor','Kaya',
                'Novak','Silva','Bakker','Nguyen','Mensah','Popescu'])[1 + (r_age * 14)::int %% 14],
         DATE '1950-01-01' + (r_name * 25000)::int,
         (ARRAY['SYR','ERI','TUR','IND','CHN','USA','AFG','MAR','NGA','BRA','UKR','GBR'])
           [1 + (r_prod * 12)::int %% 12],
         vnum {applicant_fill_vals}
  FROM src
  RETURNING id, v_number
), ins_app AS (
  INSERT INTO cases_application
    (reference, product_id, product_version_id, applicant_id, received_on, status,
     decision_due, notified_on, created_at, updated_at {application_fill_cols})
  SELECT s.ref, s.product_id, s.version_id, a.id, s.received_on, s.status,
         s.decision_due,
         CASE WHEN s.status IN ('notified', 'closed', 'objection')
              THEN LEAST(s.decision_due, %(today)s::date) END,
         s.received_on::timestamptz, s.received_on::timestamptz {application_fill_vals}
  FROM src s JOIN ins_applicant a ON a.v_number = s.vnum
  RETURNING id, reference
), t AS (
  SELECT a.id AS application_id, s.*, k.n,
         CASE k.n WHEN 0 THEN 'handle' WHEN 1 THEN s.t1_code
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_code ELSE s.t2b_code END END AS code,
         CASE k.n WHEN 0 THEN 'process:' || s.process WHEN 1 THEN s.t1_queue
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_queue ELSE s.t2b_queue END END AS queue,
         CASE k.n WHEN 0 THEN NULL WHEN 1 THEN s.t1_def
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_def ELSE s.t2b_def END END AS def_id,
         CASE k.n WHEN 0 THEN false WHEN 1 THEN s.t1_blocking
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_blocking ELSE s.t2b_blocking END
         END AS blocking,
         CASE k.n WHEN 0 THEN 0 WHEN 1 THEN s.t1_days
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_days ELSE s.t2b_days END END AS days,
         CASE k.n WHEN 0 THEN 0 WHEN 1 THEN s.t1_due_days
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_due_days ELSE s.t2b_due_days END
         END AS due_days,
         CASE k.n
           WHEN 0 THEN CASE WHEN s.status IN {handle_done} THEN 'done'
                            WHEN s.status = 'withdrawn' THEN 'cancelled' ELSE 'open' END
           ELSE CASE WHEN s.status IN {tasks_done} THEN 'done'
                     WHEN (CASE k.n WHEN 1 THEN s.r_t1 ELSE s.r_t2s END) < 0.2 THEN 'done'
                     ELSE 'open' END
         END AS state,
         CASE k.n
           WHEN 0 THEN s.assessed OR (s.status = 'intake' AND s.r_own < 0.1)
           ELSE s.status IN {tasks_done}
                OR (CASE k.n WHEN 1 THEN s.r_t1 ELSE s.r_t2s END) < 0.4
         END AS assigned,
         (CASE k.n WHEN 1 THEN s.r_t1 WHEN 2 THEN s.r_t2s ELSE s.r_own END) AS r_pick
  FROM ins_app a JOIN src s ON s.ref = a.reference
  CROSS JOIN LATERAL (VALUES (0), (1), (2)) AS k(n)
  WHERE k.n = 0 OR (s.assessed AND (k.n = 1 OR s.t2a_code IS NOT NULL))
)
INSERT INTO work_task
  (application_id, definition_id, code, queue, blocking, expected_days, state, assignee_id,
   assigned_at, due_on, start_by, outcome, result, completed_at, completed_by_id,
   created_at {task_fill_cols})
SELECT t.application_id, t.def_id, t.code, t.queue, t.blocking, t.days, t.state, w.who,
       CASE WHEN w.who IS NOT NULL THEN (t.received_on + 20)::timestamptz END,
       CASE WHEN t.n = 0 THEN t.decision_due
            ELSE LEAST(t.received_on + 14 + t.due_days, t.decision_due) END,
       t.decision_due - %(reserve)s::int - CASE WHEN t.n > 0 THEN t.days
            WHEN t.assessed THEN GREATEST(t.t1_days, t.t2a_days, t.t2b_days)
            ELSE t.max_days END,
       CASE WHEN t.state = 'done' AND t.n > 0 THEN 'no-concerns' ELSE '' END,
       CASE WHEN t.state = 'done' AND t.n > 0 THEN 'Bench: nothing found.' ELSE '' END,
       CASE WHEN t.state <> 'open' THEN LEAST(t.decision_due, %(today)s::date)::timestamptz END,
       CASE WHEN t.state <> 'open' THEN w.who END,
       (t.received_on + CASE WHEN t.n = 0 THEN 0 ELSE 14 END)::timestamptz {task_fill_vals}
FROM t
LEFT JOIN bench_staff st ON st.queue = t.queue
CROSS JOIN LATERAL (
  SELECT CASE WHEN t.assigned AND st.ids IS NOT NULL
              THEN st.ids[1 + floor(t.r_pick * 1000003)::int %% cardinality(st.ids)] END AS who
) AS w
"""


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
    _temp_tables(today)
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


def worklist_user_prepare(user) -> int:
    """Give the worklist user exactly 50 open tasks (and 25 done ones) of its queue.

    They are taken over from other employees of the same unit, so the "get next" pool
    is untouched. The 2,000 employees hold ~30% of the open tasks between them, which
    at 1M applications is ~230 each; the issue's worklist user has ~50.
    """
    open_now = Task.objects.filter(assignee=user, state=Task.State.OPEN).count()
    if open_now == WORKLIST_OPEN_TASKS:
        return open_now
    with connection.cursor() as c, transaction.atomic():
        c.execute(
            "UPDATE work_task SET assignee_id = NULL, assigned_at = NULL "
            "WHERE assignee_id = %s AND state = 'open'",
            [user.pk],
        )
        for state, count, handle_share in (
            ("open", WORKLIST_OPEN_TASKS, 0.6),
            ("done", WORKLIST_DONE_TASKS, 0.0),
        ):
            handles = round(count * handle_share)
            for is_handle, n in ((True, handles), (False, count - handles)):
                if not n:
                    continue
                c.execute(
                    f"""
                    UPDATE work_task SET assignee_id = %(u)s,
                        completed_by_id = CASE WHEN state = 'open' THEN NULL ELSE %(u)s END
                    WHERE id IN (
                      SELECT id FROM work_task
                      WHERE queue = 'process:regular-economic' AND state = %(state)s
                        AND assignee_id IS NOT NULL AND assignee_id <> %(u)s
                        AND code {"=" if is_handle else "<>"} 'handle'
                      ORDER BY md5(id::text) LIMIT %(n)s)
                    """,
                    {"u": user.pk, "state": state, "n": n},
                )
    return Task.objects.filter(assignee=user, state=Task.State.OPEN).count()


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
