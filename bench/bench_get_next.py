"""(b) "Get next" under concurrency: worker processes hand out 10,000 items.

Each worker is a separate process (multiprocessing "spawn": its own interpreter,
django.setup() and database connection) acting as one distinct employee whose units
cover the queues. Together they call `work_get_next(actor=...)` until exactly 10,000
items are handed out (a shared budget is taken before each call and given back when
the call hands out nothing). Every call starts from an actor without cached roles or
units, like a fresh request would.

Reruns start from the same state: before a run the open tasks still assigned to the
benchmark's workers (the previous run's hand-outs) are unassigned again. Their
`take-ownership` / `assign-task` events stay: the event table is append-only, so the
check below only counts the events of this run (by the workers, since its start).
"""

import multiprocessing as mp
import os
import queue as queue_module
import statistics
import time

HAND_OUTS = 10_000


def _worker(index, username, budget, ready, start, results) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "indigo.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from indigo.work.services import work_get_next

    actor = get_user_model().objects.get(username=username)
    connection.ensure_connection()
    ready.release()
    start.wait()
    ids, latencies, errors = [], [], []
    ran_dry = False
    began = time.monotonic_ns()
    while True:
        with budget.get_lock():
            if budget.value <= 0:
                break
            budget.value -= 1
        for cache in ("_indigo_units", "_indigo_roles"):
            actor.__dict__.pop(cache, None)
        t0 = time.perf_counter_ns()
        failed = False
        try:
            task = work_get_next(actor=actor)
        except Exception as exc:  # reported, and the run goes on
            task, failed = None, True
            errors.append(repr(exc))
        latencies.append(time.perf_counter_ns() - t0)
        if task is None:
            with budget.get_lock():
                budget.value += 1
            if failed and len(errors) < 20:
                continue
            ran_dry = not failed
            break
        ids.append(task.pk)
    results.put(
        {
            "index": index,
            "username": username,
            "user_id": actor.pk,
            "ids": ids,
            "latencies": latencies,
            "errors": errors,
            "ran_dry": ran_dry,
            "began": began,
            "ended": time.monotonic_ns(),
        }
    )


def reset(worker_ids: list[int]) -> int:
    """Unassign what the previous run handed out (open tasks of the workers)."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute(
            "UPDATE work_task SET assignee_id = NULL, assigned_at = NULL "
            "WHERE assignee_id = ANY(%s) AND state = 'open'",
            [worker_ids],
        )
        return c.rowcount


def pool_for(user) -> tuple[list[str], int]:
    from indigo import clock
    from indigo.organisation.selectors import queues_of
    from indigo.work.models import Task

    queues = sorted(queues_of(user=user, on=clock.today()))
    waiting = Task.objects.filter(state="open", assignee__isnull=True, queue__in=queues).count()
    return queues, waiting


def get_next_plan(user) -> tuple[int, str]:
    """The queries of one `work_get_next` call and the plan of its candidate query.

    Run inside a transaction that is rolled back: nothing is handed out.
    """
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from indigo.work.services import work_get_next

    actor = get_user_model().objects.get(pk=user.pk)
    with transaction.atomic():
        with CaptureQueriesContext(connection) as ctx:
            work_get_next(actor=actor)
        select = next(q["sql"] for q in ctx.captured_queries if "FOR UPDATE" in q["sql"])
        with connection.cursor() as c:
            c.execute("EXPLAIN (ANALYZE, BUFFERS) " + select)
            plan = "\n".join(row[0] for row in c.fetchall())
        transaction.set_rollback(True)
    return len(ctx.captured_queries), plan


def verify(results: list[dict], since) -> dict:
    """Count duplicates three ways: returned ids, task rows, and events."""
    from django.db import connection

    worker_ids = [r["user_id"] for r in results]
    returned = [(task_id, r["user_id"]) for r in results for task_id in r["ids"]]
    returned_ids = [task_id for task_id, _ in returned]
    with connection.cursor() as c:
        c.execute(
            "SELECT id, assignee_id FROM work_task WHERE assignee_id = ANY(%s) AND state = 'open'",
            [worker_ids],
        )
        in_db = dict(c.fetchall())
        c.execute(
            """
            SELECT count(*), count(DISTINCT (application_id, payload->>'task'))
            FROM cases_applicationevent
            WHERE actor_id = ANY(%s) AND occurred_at >= %s
              AND action IN ('take-ownership', 'assign-task')
            """,
            [worker_ids, since],
        )
        events, distinct_event_tasks = c.fetchone()
    wrong_owner = sum(1 for task_id, who in returned if in_db.get(task_id) != who)
    return {
        "handed_out": len(returned_ids),
        "distinct": len(set(returned_ids)),
        "duplicates_returned": len(returned_ids) - len(set(returned_ids)),
        "assigned_in_db": len(in_db),
        "missing_or_other_owner_in_db": wrong_owner,
        "events": events,
        "duplicates_events": events - distinct_event_tasks,
    }


def _percentile(ms: list[float], p: int) -> float:
    if len(ms) < 2:
        return ms[0] if ms else float("nan")
    return statistics.quantiles(ms, n=100, method="inclusive")[p - 1]


def run(workers: list, *, total: int = HAND_OUTS, reset_ids: list[int]) -> dict:
    """Hand out `total` items with one process per worker; `reset_ids`: every user whose
    open tasks are unassigned first (all benchmark workers, of any set)."""
    from django.db import connection
    from django.utils import timezone

    was_reset = reset(reset_ids)
    t_vacuum = time.perf_counter()
    with connection.cursor() as c:
        c.execute("VACUUM (ANALYZE) work_task")  # the reset's dead rows, as autovacuum would
    vacuum_s = time.perf_counter() - t_vacuum
    pools = {w.username: pool_for(w) for w in workers}
    connection.close()  # nothing of the parent's stays open during the run

    ctx = mp.get_context("spawn")
    budget = ctx.Value("i", total)
    ready = ctx.Semaphore(0)
    start = ctx.Event()
    results_q = ctx.Queue()
    procs = [
        ctx.Process(
            target=_worker,
            args=(i + 1, w.username, budget, ready, start, results_q),
            name=f"get-next-{i + 1}",
        )
        for i, w in enumerate(workers)
    ]
    for p in procs:
        p.start()
    for _ in procs:
        if not ready.acquire(timeout=180):
            raise RuntimeError("a worker did not get ready within 3 minutes")
    since = timezone.now()
    t0 = time.monotonic_ns()
    start.set()
    results = []
    while len(results) < len(procs):
        try:
            results.append(results_q.get(timeout=5))
        except queue_module.Empty:
            dead = [p.name for p in procs if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError(f"worker(s) died: {', '.join(dead)}") from None
    wall = (max(r["ended"] for r in results) - t0) / 1e9
    load = os.getloadavg()
    for p in procs:
        p.join()
    results.sort(key=lambda r: r["index"])
    checks = verify(results, since)
    per_worker = []
    for r in results:
        ms = [n / 1e6 for n in r["latencies"]]
        per_worker.append(
            {
                "username": r["username"],
                "queues": pools[r["username"]][0],
                "waiting_before": pools[r["username"]][1],
                "items": len(r["ids"]),
                "calls": len(ms),
                "p50_ms": _percentile(ms, 50),
                "p95_ms": _percentile(ms, 95),
                "errors": r["errors"][:3],
                "error_count": len(r["errors"]),
                "ran_dry": r["ran_dry"],
            }
        )
    all_ms = [n / 1e6 for r in results for n in r["latencies"]]
    return {
        "reset": was_reset,
        "vacuum_s": vacuum_s,
        "load": load,
        "wall_s": wall,
        "items_per_s": checks["handed_out"] / wall if wall else float("nan"),
        "call_p50_ms": _percentile(all_ms, 50),
        "call_p95_ms": _percentile(all_ms, 95),
        "per_worker": per_worker,
        **checks,
    }
