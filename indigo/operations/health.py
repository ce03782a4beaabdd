"""Health endpoints for the load balancer and the orchestrator.

`/health/live`: the process answers (no database). `/health/ready`: it can do its
work — the primary database answers, the dossier's storage answers, and no migration
is waiting. (A read replica that is down is no reason: reads then go to the primary.)
Both answer JSON without personal data and without a session.
"""

import time

from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from indigo.dossier.storage import dossier_storage

_MIGRATIONS_CHECKED_FOR = 60.0  # seconds: the plan does not change while a process runs
_migrations_ok_until = 0.0


@never_cache
@require_GET
def live(request):
    return JsonResponse({"status": "ok"})


def _database(alias: str) -> str | None:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return f"database {alias}: {type(exc).__name__}"
    return None


def _migrations() -> str | None:
    global _migrations_ok_until
    if time.monotonic() < _migrations_ok_until:
        return None
    executor = MigrationExecutor(connections["default"])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return "migrations are waiting: run `indigo migrate`"
    _migrations_ok_until = time.monotonic() + _MIGRATIONS_CHECKED_FOR
    return None


def _storage() -> str | None:
    try:
        dossier_storage().exists("health-check")
    except Exception as exc:  # any backend's failure means: not ready
        return f"dossier storage: {type(exc).__name__}"
    return None


@never_cache
@require_GET
def ready(request):
    problems = [p for p in (_database("default"), _storage()) if p]
    if not problems:
        problems = [p for p in (_migrations(),) if p]
    status = 503 if problems else 200
    return JsonResponse(
        {"status": "ok" if not problems else "unavailable", "problems": problems}, status=status
    )
