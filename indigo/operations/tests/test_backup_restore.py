"""Backup and restore as docs/backup.md describes it, on PostgreSQL: tools/backup.sh
dumps the database and the document store; tools/restore.sh puts them into a fresh
database and directory; the restored copy holds every application and document, its
files match their checksums, and its audit chains verify."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import Application, ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.dossier.models import Document
from indigo.dossier.tests.factories import make_document

TOOLS = Path(__file__).resolve().parents[3] / "tools"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="pg_dump and pg_restore need PostgreSQL"
    ),
]


def _url(name: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


@pytest.fixture
def var_dir(settings, tmp_path):
    var = tmp_path / "var"
    settings.STORAGES = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": var / "dossier"},
        },
    }
    return var


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = _url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _indigo(command: str, *, database_url: str, var: Path) -> subprocess.CompletedProcess:
    env = {
        "INDIGO_SECRET_KEY": "restore-test-" + "x" * 40,  # production settings want one
        **os.environ,
        "DATABASE_URL": database_url,
        "INDIGO_VAR_DIR": str(var),
    }
    return subprocess.run(
        [sys.executable, "-m", "indigo", command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_restored_backup_holds_every_application_and_document_intact(
    catalog, var_dir, fresh_database, tmp_path
):
    caseworker = user_with_role("caseworker")
    applications = [make_application(actor=caseworker) for _ in range(3)]
    for application in applications[:2]:
        make_document(actor=caseworker, application=application)
    references = set(Application.objects.values_list("reference", flat=True))
    documents = {d.pk: (d.file.name, d.sha256) for d in Document.objects.all()}
    chain = list(ApplicationEvent.objects.order_by("id").values_list("id", "chain_hash"))
    backup, restored_var = tmp_path / "backup", tmp_path / "restored"

    subprocess.run(
        [TOOLS / "backup.sh", _url(connection.settings_dict["NAME"]), var_dir / "dossier", backup],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [TOOLS / "restore.sh", backup, fresh_database, restored_var / "dossier"],
        check=True,
        capture_output=True,
    )

    with psycopg.connect(fresh_database) as conn:
        assert {r for (r,) in conn.execute("SELECT reference FROM cases_application")} == references
        rows = conn.execute("SELECT id, file, sha256 FROM dossier_document").fetchall()
        restored_chain = conn.execute(
            "SELECT id, chain_hash FROM cases_applicationevent ORDER BY id"
        ).fetchall()
    assert {pk: (name, sha) for pk, name, sha in rows} == documents
    for _, name, sha in rows:
        content = (restored_var / "dossier" / name).read_bytes()
        assert hashlib.sha256(content).hexdigest() == sha
    assert restored_chain == chain
    # The documented checks after a restore, run against the restored copy itself.
    dossier = _indigo("verify-dossier", database_url=fresh_database, var=restored_var)
    assert dossier.returncode == 0, dossier.stdout + dossier.stderr
    assert "2 documents intact." in dossier.stdout
    audit = _indigo("verify-audit", database_url=fresh_database, var=restored_var)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "BROKEN" not in audit.stdout


def test_restore_refuses_a_damaged_backup(catalog, var_dir, fresh_database, tmp_path):
    make_document(actor=user_with_role("caseworker"), application=make_application())
    backup = tmp_path / "backup"
    subprocess.run(
        [TOOLS / "backup.sh", _url(connection.settings_dict["NAME"]), var_dir / "dossier", backup],
        check=True,
        capture_output=True,
    )
    with open(backup / "dossier.tar.gz", "ab") as damaged:
        damaged.write(b"\0")

    result = subprocess.run(
        [TOOLS / "restore.sh", backup, fresh_database, tmp_path / "restored"],
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "FAILED" in result.stdout + result.stderr
