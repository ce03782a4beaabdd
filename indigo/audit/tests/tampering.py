"""Changing history behind the triggers' back, as a database user could."""

from contextlib import contextmanager

from django.db import connection

from indigo import append_only


@contextmanager
def triggers_off():
    """PostgreSQL: `session_replication_role = replica` skips the triggers; SQLite: the
    triggers are dropped (and put back afterwards)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
            try:
                yield cursor
            finally:
                cursor.execute("SET session_replication_role = origin")
        else:
            for table in append_only.protected_tables():
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
            try:
                yield cursor
            finally:
                append_only.install_triggers()
