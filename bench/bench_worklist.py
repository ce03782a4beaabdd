"""(a) One employee's worklist: the page's server time against its raw SQL query.

- sql: the exact SQL and parameters Django builds for `worklist_for(user=...)`
  (`qs.query.sql_with_params()`), run on the raw psycopg cursor, rows fetched.
- view: the `worklist` view called directly with a RequestFactory request whose user
  is a freshly loaded user (as AuthenticationMiddleware would give it: no role or
  unit caches), middleware skipped. That is the page's own server time: the view,
  its queries and the template.
- client: `django.test.Client` with `force_login`, so the whole middleware stack runs
  (session and user loaded from the database, CSRF, locale, messages, history, ...),
  once on a persistent connection (INDIGO_CONN_MAX_AGE > 0) and once reconnecting for
  every request (Indigo's default INDIGO_CONN_MAX_AGE=0).

Every series is warmed up first, then timed per call with perf_counter_ns.
"""

import statistics
import time

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


def measure_sql(user, runs: int) -> dict:
    sql, params = worklist_sql(user)
    connection.ensure_connection()
    cursor = connection.connection.cursor()  # psycopg itself, no Django wrapper
    rows = 0
    times = []
    for i in range(WARMUP + runs):
        t0 = time.perf_counter_ns()
        cursor.execute(sql, params)
        rows = len(cursor.fetchall())
        dt = time.perf_counter_ns() - t0
        if i >= WARMUP:
            times.append(dt)
    cursor.close()
    return {**percentiles(times), "rows": rows}


def measure_view(user, runs: int) -> dict:
    User = get_user_model()
    factory = RequestFactory()
    times = []
    size = 0
    for i in range(WARMUP + runs):
        request = factory.get("/work/")
        request.user = User.objects.get(pk=user.pk)  # fresh, outside the timing
        t0 = time.perf_counter_ns()
        response = views.worklist(request)
        dt = time.perf_counter_ns() - t0
        assert response.status_code == 200, response.status_code
        size = len(response.content)
        if i >= WARMUP:
            times.append(dt)
    return {**percentiles(times), "bytes": size}


def measure_client(user, runs: int, *, persistent: bool) -> dict:
    settings_dict = connection.settings_dict
    previous = settings_dict["CONN_MAX_AGE"]
    settings_dict["CONN_MAX_AGE"] = 600 if persistent else 0
    connection.close()  # the next connection takes the new CONN_MAX_AGE
    try:
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
    finally:
        settings_dict["CONN_MAX_AGE"] = previous
        connection.close()
    return percentiles(times)


def page_queries(user) -> list[dict]:
    """The queries one worklist page makes (captured once, outside the timings)."""
    User = get_user_model()
    request = RequestFactory().get("/work/")
    request.user = User.objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as ctx:
        views.worklist(request)
    return ctx.captured_queries


def explain(sql: str, params) -> str:
    with connection.cursor() as c:
        c.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return "\n".join(row[0] for row in c.fetchall())


def run(user, runs: int, *, with_client: bool = True) -> dict:
    result = {
        "sql": measure_sql(user, runs),
        "view": measure_view(user, runs),
    }
    if with_client:
        result["client"] = measure_client(user, runs, persistent=True)
        result["client_reconnect"] = measure_client(user, runs, persistent=False)
    queries = page_queries(user)
    result["queries"] = queries
    result["plan"] = explain(*worklist_sql(user))
    return result
