"""Which databases the data checks of an app may read.

System checks that read law-dated data run at start-up and before `migrate`. They may
read a database only when the app's tables are there and no migration of the app is
waiting: otherwise a new column that `migrate` is about to add would stop `migrate`
itself.
"""

from django.apps import apps
from django.db import connections
from django.db.migrations.executor import MigrationExecutor


def checkable_databases(app_label: str, app_configs, databases) -> list[str]:
    if not databases:
        return []
    if app_configs is not None and apps.get_app_config(app_label) not in app_configs:
        return []
    tables = {m._meta.db_table for m in apps.get_app_config(app_label).get_models()}
    return [
        alias
        for alias in databases
        if tables <= set(connections[alias].introspection.table_names())
        and not _waiting(alias, app_label)
    ]


def _waiting(alias: str, app_label: str) -> bool:
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return any(migration.app_label == app_label for migration, _backwards in plan)
