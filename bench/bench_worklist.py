"""(a) One employee's worklist: the page's server time against its raw SQL query.

- sql: the exact SQL and parameters Django builds for `worklist_for(user=...)`
  (`qs.query.sql_with_params()`), run on the raw psycopg cursor, rows fetched.
  Beside it `SELECT 1` on the same cursor: the bare round trip, to show how much of
  the query's time is the machine's latency rather than the query.
- view: the `worklist` view called directly with a RequestFactory request whose user
  is a freshly loaded user (as AuthenticationMiddleware would give it: no role or
  unit caches), middleware skipped. That is the page's own server time: the view,
  its queries and the template.
- client: `django.test.Client` with `force_login`, so the whole middleware stack runs
  (session and user loaded from the database, CSRF, locale, messages, history, ...),
  once on a persistent connection (INDIGO_CONN_MAX_AGE > 0) and once reconnecting for
  every request (Indigo's default INDIGO_CONN_MAX_AGE=0).

The raw SQL, the view and the persistent-connection Client run interleaved, one call
of each per round, so that all three see the same machine (it is shared: other
processes' load moves absolute figures, much less their ratio). Every series is warmed
up first (30 calls), then timed per call with perf_counter_ns. DEBUG is False.

Diagnostics beside the goal: the time the view spends inside its queries (an
execute_wrapper), the queries of one page, the plan of the worklist query, and a
what-if with the `task_label` filter answered without a query per row (patched in
this process only; the app's code is not changed).
"""

import os
import statistics
import time
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from indigo.work import views
from indigo.work.selectors import worklist_for

WARMUP = 30


def percentiles(ns: list[int]) -> dict:
    ms = sorted(n / 1e6 for n in ns)
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return {"n": len(ms), "p50": q[49], "p95": q[94], "min": ms[0], "max": ms[-1]}


def worklist_sql(user) -> tuple[str, tuple]:
    return worklist_for(user=user).query.sql_with_params()


def _fresh_user(pk):
    """The user as AuthenticationMiddleware gives it: loaded anew, no role/unit caches."""
    return get_user_model().objects.get(pk=pk)


@contextmanager
def _conn_max_age(seconds: int):
    settings_dict = connection.settings_dict
    previous = settings_dict["CONN_MAX_AGE"]
    settings_dict["CONN_MAX_AGE"] = seconds
    connection.close()  # the next connection takes the new CONN_MAX_AGE
    try:
        yield
    finally:
        settings_dict["CONN_MAX_AGE"] = previous
        connection.close()


def measure_interleaved(user, runs: int, *, with_client: bool) -> dict:
    """Raw SQL, view and (optionally) Client, one of each per round.

    Interleaving puts the three series under the same conditions (the machine is
    shared), so their ratio holds even when the absolute figures wander.
    """
    sql, params = worklist_sql(user)
    factory = RequestFactory()
    times: dict[str, list[int]] = {"ping": [], "sql": [], "view": [], "view_cpu": [], "client": []}
    rows = size = 0
    with _conn_max_age(600):
        client = None
        if with_client:
            client = Client()
            client.force_login(user)
        for i in range(WARMUP + runs):
            connection.ensure_connection()
            cursor = connection.connection.cursor()  # psycopg itself, no Django wrapper
            t0 = time.perf_counter_ns()
            cursor.execute(sql, params)
            rows = len(cursor.fetchall())
            t_sql = time.perf_counter_ns() - t0
            t0 = time.perf_counter_ns()
            cursor.execute("SELECT 1")
            cursor.fetchall()
            t_ping = time.perf_counter_ns() - t0
            cursor.close()

            request = factory.get("/work/")
            request.user = _fresh_user(user.pk)
            c0 = time.thread_time_ns()
            t0 = time.perf_counter_ns()
            response = views.worklist(request)
            t_view = time.perf_counter_ns() - t0
            c_view = time.thread_time_ns() - c0
            assert response.status_code == 200, response.status_code
            size = len(response.content)

            if client is not None:
                t0 = time.perf_counter_ns()
                response = client.get("/work/")
                t_client = time.perf_counter_ns() - t0
                assert response.status_code == 200, response.status_code
            if i >= WARMUP:
                times["sql"].append(t_sql)
                times["ping"].append(t_ping)
                times["view"].append(t_view)
                times["view_cpu"].append(c_view)
                if client is not None:
                    times["client"].append(t_client)
    result = {
        "sql": {**percentiles(times["sql"]), "rows": rows},
        "ping": percentiles(times["ping"]),
        "view": {**percentiles(times["view"]), "bytes": size},
        # CPU time of this process in the view (Python: ORM, template), without the
        # time spent waiting for PostgreSQL or for a CPU: steadier on a busy machine.
        "view_cpu": percentiles(times["view_cpu"]),
    }
    if with_client:
        result["client"] = percentiles(times["client"])
    return result


def measure_client_reconnecting(user, runs: int) -> dict:
    """The Client with Indigo's default INDIGO_CONN_MAX_AGE=0: a new connection per request."""
    with _conn_max_age(0):
        client = Client()
        client.force_login(user)
        times = []
        for i in range(WARMUP + runs):
            t0 = time.perf_counter_ns()
            response = client.get("/work/")
            dt = time.perf_counter_ns() - t0
            assert response.status_code == 200, response.status_code
            if i >= WARMUP:
                times.append(dt)
    return percentiles(times)


def breakdown(user, runs: int) -> dict:
    """Where the view's time goes: inside its queries (Django cursor to PostgreSQL
    and back) or in Python (building model instances, rendering the template)."""
    spent = []

    def timer(execute, sql, params, many, context):
        t0 = time.perf_counter_ns()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter_ns() - t0)

    pages, in_queries = [], []
    for i in range(WARMUP + runs):
        request = RequestFactory().get("/work/")
        request.user = _fresh_user(user.pk)
        spent.clear()
        with connection.execute_wrapper(timer):
            t0 = time.perf_counter_ns()
            views.worklist(request)
            dt = time.perf_counter_ns() - t0
        if i >= WARMUP:
            pages.append(dt)
            in_queries.append(sum(spent))
    return {"page": percentiles(pages), "queries": percentiles(in_queries)}


@contextmanager
def _task_label_without_queries():
    """What-if, for the report only: the `task_label` filter answered from a dict that
    is filled once, instead of one query per row. Patched in this process at run time;
    the app's code is not changed."""
    from django.template import engines

    from indigo.catalog.models import TaskDefinition
    from indigo.staff.templatetags import staff_labels

    first = {}
    for d in TaskDefinition.objects.order_by("version", "code"):
        first.setdefault(d.code, d)
    original = staff_labels.register.filters["task_label"]

    def task_label(code):
        if code in first:
            return first[code].name
        return original(code)

    engine = engines["django"].engine

    def recompile():
        for loader in engine.template_loaders:
            if hasattr(loader, "reset"):
                loader.reset()

    staff_labels.register.filters["task_label"] = task_label
    recompile()
    try:
        yield
    finally:
        staff_labels.register.filters["task_label"] = original
        recompile()


def measure_view_without_n_plus_1(user, runs: int) -> dict:
    factory = RequestFactory()
    times = []
    with _task_label_without_queries():
        for i in range(WARMUP + runs):
            request = factory.get("/work/")
            request.user = _fresh_user(user.pk)
            t0 = time.perf_counter_ns()
            views.worklist(request)
            dt = time.perf_counter_ns() - t0
            if i >= WARMUP:
                times.append(dt)
    return percentiles(times)


def page_queries(user) -> list[dict]:
    """The queries one worklist page makes (captured once, outside the timings)."""
    request = RequestFactory().get("/work/")
    request.user = _fresh_user(user.pk)
    with CaptureQueriesContext(connection) as ctx:
        views.worklist(request)
    return ctx.captured_queries


def explain(sql: str, params) -> str:
    with connection.cursor() as c:
        c.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return "\n".join(row[0] for row in c.fetchall())


def run(user, runs: int, *, with_client: bool = True) -> dict:
    load_before = os.getloadavg()
    result = measure_interleaved(user, runs, with_client=with_client)
    if with_client:
        result["client_reconnect"] = measure_client_reconnecting(user, runs)
    result["breakdown"] = breakdown(user, runs)
    result["view_without_n_plus_1"] = measure_view_without_n_plus_1(user, runs)
    result["load"] = (load_before, os.getloadavg())
    result["queries"] = page_queries(user)
    result["plan"] = explain(*worklist_sql(user))
    return result
