"""Data checks read a database only when the app's migrations are all applied: a new
column that `migrate` is about to add must not stop `migrate` itself."""

import pytest
from django.db.migrations import Migration
from django.db.migrations.executor import MigrationExecutor

from indigo.lawdata.checks import checkable_databases


@pytest.mark.django_db
def test_a_migrated_database_is_checked():
    assert checkable_databases("catalog", None, ["default"]) == ["default"]


@pytest.mark.django_db
def test_a_database_with_a_waiting_migration_of_the_app_is_not_read(monkeypatch):
    waiting = [(Migration("0099_new_column", "catalog"), False)]
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: waiting)

    assert checkable_databases("catalog", None, ["default"]) == []
    assert checkable_databases("rules", None, ["default"]) == ["default"]


def test_no_database_named_means_no_database_read():
    assert checkable_databases("catalog", None, None) == []
