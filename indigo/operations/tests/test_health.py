"""Health endpoints: live (the process answers) and ready (it can do its work)."""

import pytest
from django.db.migrations import Migration
from django.db.migrations.executor import MigrationExecutor

from indigo.operations import health


@pytest.fixture(autouse=True)
def _check_migrations_each_time(monkeypatch):
    monkeypatch.setattr(health, "_migrations_ok_until", 0.0)


def test_live_answers_without_a_database(client):
    # No django_db mark: any query here would fail the test.
    response = client.get("/health/live")

    assert (response.status_code, response.json()) == (200, {"status": "ok"})
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_when_the_database_and_the_storage_answer(client):
    response = client.get("/health/ready")

    assert (response.status_code, response.json()) == (200, {"status": "ok", "problems": []})


@pytest.mark.django_db
def test_not_ready_while_a_migration_waits(client, monkeypatch):
    waiting = [(Migration("0099_next", "cases"), False)]
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: waiting)

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["problems"] == ["migrations are waiting: run `indigo migrate`"]


@pytest.mark.django_db
def test_not_ready_when_the_dossier_storage_fails(client, monkeypatch):
    class Broken:
        def exists(self, name):
            raise ConnectionError("object store unreachable")

    monkeypatch.setattr(health, "dossier_storage", lambda: Broken())

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["problems"] == ["dossier storage: ConnectionError"]


@pytest.mark.django_db
def test_not_ready_when_the_database_fails(client, monkeypatch):
    monkeypatch.setattr(health, "_database", lambda alias: f"database {alias}: OperationalError")

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["problems"][0] == "database default: OperationalError"
