"""Writing a chunk of generated rows: COPY on PostgreSQL, batched INSERTs on SQLite.

Ids are given by the generator (the next free ones per table, read under a lock), so
one chunk's rows can refer to each other without a round trip per row; afterwards the
tables' sequences are moved past them. Columns the generator does not know — a field
added to a model later — get the field's default, so a new nullable or defaulted
column does not break the generator.
"""

from django.db import connection
from django.utils import timezone

from indigo.audit.chain import ChainHead
from indigo.cases.models import (
    Applicant,
    Application,
    ApplicationEvent,
    InformationRequest,
    Suspension,
)
from indigo.decisions.models import Decision
from indigo.demo.national.lives import COLUMNS
from indigo.dossier.models import Document
from indigo.work.models import Task

MODELS = {
    "applicant": Applicant,
    "application": Application,
    "suspension": Suspension,
    "request": InformationRequest,
    "decision": Decision,
    "document": Document,
    "task": Task,
    "event": ApplicationEvent,
    "chainhead": ChainHead,
}
# Written in this order: a row's foreign keys point at rows written before it.
ORDER = tuple(MODELS)
LOCK_KEY = 727_000_016  # pg_advisory_xact_lock: one generator writes at a time


def _fill(model, known: tuple[str, ...]) -> tuple[list[str], list]:
    columns, values = [], []
    for f in model._meta.concrete_fields:
        if f.attname in known:
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = timezone.now()
        elif f.has_default() or f.null or f.empty_strings_allowed:
            value = f.get_default()
        else:
            raise RuntimeError(
                f"generate: no value for the new column {model.__name__}.{f.name}; "
                "teach indigo/demo/national/lives.py about it"
            )
        columns.append(f.column)
        values.append(value)
    return columns, values


class Writer:
    def __init__(self):
        self.postgres = connection.vendor == "postgresql"
        self.plan = {}
        for table, model in MODELS.items():
            fields = [model._meta.get_field(name) for name in COLUMNS[table]]
            extra_columns, extra_values = _fill(model, COLUMNS[table])
            extra_fields = [
                next(f for f in model._meta.concrete_fields if f.column == c) for c in extra_columns
            ]
            self.plan[table] = (
                model._meta.db_table,
                [f.column for f in fields] + extra_columns,
                fields + extra_fields,
                tuple(extra_values),
            )

    def next_ids(self) -> dict[str, int]:
        """The first free id per table (call inside the chunk's transaction)."""
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
            start = {}
            for table, (db_table, *_rest) in self.plan.items():
                if not self._numbered(table):
                    continue
                cursor.execute(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{db_table}"')
                start[table] = cursor.fetchone()[0]
        return start

    def write(self, tables: dict[str, list[tuple]]) -> None:
        with connection.cursor() as cursor:
            for table in ORDER:
                rows = tables[table]
                if not rows:
                    continue
                db_table, columns, fields, extra = self.plan[table]
                names = ", ".join(f'"{c}"' for c in columns)
                if self.postgres:
                    self._copy(cursor, db_table, names, fields, rows, extra)
                    if not self._numbered(table):
                        continue
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('\"{db_table}\"', 'id'), "
                        f'(SELECT MAX(id) FROM "{db_table}"))'
                    )
                else:
                    marks = ", ".join(["%s"] * len(columns))
                    prepared = [
                        [
                            f.get_db_prep_save(value, connection)
                            for f, value in zip(fields, row + extra, strict=True)
                        ]
                        for row in rows
                    ]
                    cursor.executemany(
                        f'INSERT INTO "{db_table}" ({names}) VALUES ({marks})', prepared
                    )

    @staticmethod
    def _numbered(table: str) -> bool:
        return MODELS[table]._meta.pk.get_internal_type() in ("AutoField", "BigAutoField")

    def _copy(self, cursor, db_table, names, fields, rows, extra) -> None:
        from psycopg.types.json import Jsonb

        json_at = [i for i, f in enumerate(fields) if f.get_internal_type() == "JSONField"]
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f'COPY "{db_table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                full = [*row, *extra]
                for i in json_at:
                    full[i] = Jsonb(full[i])
                copy.write_row(full)
