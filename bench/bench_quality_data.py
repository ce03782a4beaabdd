"""Events for the benchmark's applications, and the quality facts derived from them.

`bench_data` writes applications and tasks but no history; the quality measures read
nothing but the history. This writes, set-based per chunk, the events the lifecycle
would have written for each generated application's status (receipt; ownership for
those a caseworker owns; a request for information for the suspended; the decision
notified for notified, closed and objection; the objection; the withdrawal), then
derives the facts from them with the same code as production (`facts_rebuild`).
"""

import time

from django.db import connection, transaction

from indigo.quality.facts import facts_refresh
from indigo.quality.models import ApplicationFact

EVENTS_SQL = """
WITH apps AS (
  SELECT a.id, a.received_on, a.status, a.channel, a.decision_due, a.notified_on,
         p.code AS product, v.valid_from AS version_from
  FROM cases_application a
  JOIN catalog_product p ON p.id = a.product_id
  JOIN catalog_productversion v ON v.id = a.product_version_id
  WHERE a.id BETWEEN %(lo)s AND %(hi)s AND a.reference LIKE 'BN-%%'
    AND NOT EXISTS (SELECT 1 FROM cases_applicationevent e WHERE e.application_id = a.id)
), owners AS (
  SELECT DISTINCT ON (t.application_id) t.application_id, u.username
  FROM work_task t JOIN auth_user u ON u.id = t.assignee_id
  WHERE t.code = 'handle' AND t.application_id BETWEEN %(lo)s AND %(hi)s
  ORDER BY t.application_id, t.id
), ev AS (
  SELECT id, received_on AS day, 'receive' AS action, 'received' AS to_status,
         jsonb_build_object('product', product, 'customer_group', NULL, 'channel', channel,
           'product_version_valid_from', version_from::text,
           'decision_due', (received_on + 90)::text) AS payload, 1 AS seq
  FROM apps
  UNION ALL
  SELECT a.id, LEAST(a.received_on + 10, %(today)s::date), 'take-ownership', '',
         jsonb_build_object('task', 'handle', 'from', NULL, 'to', o.username), 2
  FROM apps a JOIN owners o ON o.application_id = a.id
  UNION ALL
  SELECT id, LEAST(received_on + 15, %(today)s::date), 'request-information', '',
         jsonb_build_object('request', 0, 'until', (received_on + 43)::text, 'language', 'en'), 3
  FROM apps WHERE status = 'suspended' OR id %% 5 = 0
  UNION ALL
  SELECT id, COALESCE(notified_on, LEAST(received_on + 60, %(today)s::date)), 'notify',
         'notified', jsonb_build_object('decision_due', decision_due::text), 4
  FROM apps WHERE status IN ('notified', 'closed', 'objection')
  UNION ALL
  SELECT id, LEAST(COALESCE(notified_on, received_on + 60) + 20, %(today)s::date),
         'lodge-objection', 'objection', jsonb_build_object('decision_due', decision_due::text), 5
  FROM apps WHERE status = 'objection'
  UNION ALL
  SELECT id, LEAST(received_on + 5, %(today)s::date), 'withdraw', 'withdrawn',
         jsonb_build_object('decision_due', decision_due::text), 6
  FROM apps WHERE status = 'withdrawn'
)
INSERT INTO cases_applicationevent
  (application_id, occurred_at, effective_on, actor_id, action, from_status, to_status,
   reason, payload)
SELECT id, (day::timestamp + make_interval(mins => seq)) AT TIME ZONE 'Europe/Amsterdam',
       day, NULL, action, '', to_status, '', payload
FROM ev ORDER BY id, seq
"""


def events_generate(*, today, chunk: int = 50_000) -> dict:
    with connection.cursor() as c:
        c.execute("SELECT min(id), max(id) FROM cases_application WHERE reference LIKE 'BN-%%'")
        lo, hi = c.fetchone()
        if lo is None:
            return {"events": 0, "seconds": 0.0}
        started, written = time.perf_counter(), 0
        c.execute("SET synchronous_commit TO off")
        for start in range(lo, hi + 1, chunk):
            with transaction.atomic():
                c.execute(EVENTS_SQL, {"lo": start, "hi": start + chunk - 1, "today": today})
                written += c.rowcount
            if written:
                print(f"   events up to application {start + chunk - 1:,}: {written:,}", flush=True)
        c.execute("SET synchronous_commit TO DEFAULT")
    return {"events": written, "seconds": time.perf_counter() - started}


def facts_ensure() -> dict:
    """Derive the facts incrementally (the first time that is all of them)."""
    started = time.perf_counter()
    refreshed = facts_refresh(batch=5000)
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE quality_applicationfact")
    return {
        "refreshed": refreshed,
        "facts": ApplicationFact.objects.count(),
        "seconds": time.perf_counter() - started,
    }
