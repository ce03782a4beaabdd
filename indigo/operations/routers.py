"""Reads from a streaming replica, when it is safe to.

A read goes to the replica only when all of these hold: a replica is configured;
the request is a safe one (GET or HEAD) to a path matching
settings.INDIGO_REPLICA_PATHS (read-only pages and API lists); this client wrote
nothing in the last settings.INDIGO_READ_YOUR_WRITES_SECONDS (so the person who just
acted sees what they did); no transaction is open on the primary; and the replica
answers with a lag under settings.INDIGO_REPLICA_MAX_LAG_SECONDS. Otherwise, and for
every write, the primary. The middleware in `indigo.operations.middleware` decides
per request; this router only follows that decision.
"""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
replica_allowed: ContextVar[bool] = ContextVar("indigo_replica_allowed", default=False)

_CHECK_EVERY = 2.0  # seconds between lag checks, per process
_checked_at = 0.0
_healthy = False

_LAG_SQL = (
    "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
)


def replica_lag_seconds() -> float | None:
    """The replica's lag behind the primary, or None when it does not answer."""
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(_LAG_SQL)
            (lag,) = cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("The read replica does not answer: %s", type(exc).__name__)
        connections[REPLICA].close()
        return None
    return float(lag or 0)


def replica_healthy() -> bool:
    global _checked_at, _healthy
    now = time.monotonic()
    if now - _checked_at >= _CHECK_EVERY:
        lag = replica_lag_seconds()
        _healthy = lag is not None and lag <= settings.INDIGO_REPLICA_MAX_LAG_SECONDS
        _checked_at = now
    return _healthy


def forget_replica_health() -> None:
    """Check the replica again at the next read (tests, and after a fail-over)."""
    global _checked_at
    _checked_at = 0.0


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if not replica_allowed.get() or connections["default"].in_atomic_block:
            return "default"
        return REPLICA if replica_healthy() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
