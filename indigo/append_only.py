"""Database-enforced append-only tables.

A registered model's table gets triggers that refuse UPDATE and DELETE, on
PostgreSQL and SQLite alike. They are (re)installed after every `migrate`, because
SQLite drops a table's triggers whenever Django rebuilds the table in a migration.

PostgreSQL's TRUNCATE does not fire row triggers: emptying a whole table stays a
database administrator's act (retention purge), outside the application.
"""

from contextlib import contextmanager

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate

_models: list = []
_purge_allowed = False

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION indigo_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql
"""


def register(model) -> None:
    """Protect `model`'s table against UPDATE and DELETE."""
    if model not in _models:
        _models.append(model)


def protected_tables() -> list[str]:
    return [m._meta.db_table for m in _models]


def _trigger_sql(vendor: str, table: str) -> list[str]:
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION indigo_refuse_change()",
        ]
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END",
            # The WHEN clause calls a function only Indigo's own connections define,
            # so any other client (sqlite3 shell, another program) is refused too.
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"WHEN indigo_purge_allowed() = 0 "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END",
        ]
    raise NotImplementedError(f"No append-only triggers for database vendor {vendor!r}")


def install_triggers(using: str = "default") -> None:
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
        for table in protected_tables():
            if table in existing:
                for sql in _trigger_sql(connection.vendor, table):
                    cursor.execute(sql)


def _on_post_migrate(sender, using="default", **kwargs) -> None:
    install_triggers(using)


def _on_connection_created(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "indigo_purge_allowed", 0, lambda: int(_purge_allowed), deterministic=False
        )


@contextmanager
def purge_allowed():
    """Let this process empty protected tables: only for the test suite's flush."""
    global _purge_allowed
    previous, _purge_allowed = _purge_allowed, True
    try:
        yield
    finally:
        _purge_allowed = previous


def connect() -> None:
    post_migrate.connect(_on_post_migrate, dispatch_uid="indigo_append_only_triggers")
    connection_created.connect(_on_connection_created, dispatch_uid="indigo_append_only_fn")
