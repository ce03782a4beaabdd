"""Export, import into an empty database, export again: the same records."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indigo.cases.models import Application, ApplicationEvent
from indigo.dossier.models import Document
from indigo.rules.models import Fact
from indigo.transfer.exporter import export_to
from indigo.transfer.importer import import_from
from indigo.transfer.manifest import TransferInvalid, manifest_write


def records(directory: Path) -> list[dict]:
    return [json.loads(line) for line in (directory / "applications.jsonl").open()]


def files(directory: Path) -> dict:
    manifest = json.loads((directory / "manifest.json").read_text())
    return manifest["files"]


@pytest.mark.django_db(transaction=True)
def test_export_import_into_an_empty_database_and_export_again_gives_the_same_records(
    applications, tmp_path
):
    first = tmp_path / "first"
    export_to(first, progress_stream=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)  # an empty database
    assert not Application.objects.exists()

    report = import_from(first, progress_stream=io.StringIO())
    second = tmp_path / "second"
    export_to(second, progress_stream=io.StringIO())

    assert report.ok and len(report.imported) == 2
    assert records(second) == records(first)
    assert files(second) == files(first)
    exported = next(r for r in records(first) if r["documents"])
    assert exported["events"][0]["action"] == "receive"
    assert {f["source"] for f in exported["facts"]} >= {"applicant", "partner"}
    assert exported["documents"][0]["file"] == f"files/{exported['documents'][0]['sha256']}"


@pytest.mark.django_db
def test_importing_again_changes_nothing(applications, tmp_path):
    export_to(tmp_path / "out", progress_stream=io.StringIO())
    before = (Application.objects.count(), ApplicationEvent.objects.count(), Fact.objects.count())

    report = import_from(tmp_path / "out", progress_stream=io.StringIO())

    assert report.imported == []
    assert sorted(report.skipped) == sorted(a.reference for a in applications)
    after = (Application.objects.count(), ApplicationEvent.objects.count(), Fact.objects.count())
    assert after == before


def _rewrite(directory: Path, change) -> None:
    lines = records(directory)
    change(lines)
    (directory / "applications.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    manifest_write(directory, exported_at="2024-03-01T10:00:00+01:00")


def _fresh(record: dict, reference: str) -> dict:
    return {**record, "reference": reference}


@pytest.mark.django_db
def test_a_bad_application_is_refused_whole_and_reported_while_the_others_import(
    applications, tmp_path, dossier_dir
):
    out = tmp_path / "out"
    export_to(out, progress_stream=io.StringIO())

    def change(lines):
        with_document = next(r for r in lines if r["documents"])
        good, bad = _fresh(with_document, "NEW-1"), _fresh(with_document, "NEW-2")
        bad["events"] = [*bad["events"], {**bad["events"][0], "action": "teleport"}]
        impossible = _fresh(lines[1], "NEW-3")
        impossible["received_on"] = "2099-01-01"
        unknown = _fresh(lines[1], "NEW-4")
        unknown["product"] = "time-travel"
        # Fails late, after its document was stored: nothing of it may stay.
        late = _fresh(with_document, "NEW-5")
        late["decisions"] = [{"outcome": "maybe", "proposal": "grant"}]
        lines[:] = [good, bad, impossible, unknown, late]

    _rewrite(out, change)
    documents_before = Document.objects.count()

    report = import_from(out, progress_stream=io.StringIO())

    assert report.imported == ["NEW-1"]
    refused = dict(report.refused)
    assert "teleport" in refused["NEW-2"]
    assert "future" in refused["NEW-3"]
    assert "time-travel" in refused["NEW-4"]
    assert "maybe" in refused["NEW-5"]
    refused_refs = ["NEW-2", "NEW-3", "NEW-4", "NEW-5"]
    assert not Application.objects.filter(reference__in=refused_refs).exists()
    assert Document.objects.count() == documents_before + 1  # only NEW-1's
    stored = [p for p in dossier_dir.rglob("*") if p.is_file()]
    assert len(stored) == Document.objects.count()  # NEW-5's file was removed


@pytest.mark.django_db
def test_a_changed_file_is_refused_by_its_checksum(applications, tmp_path):
    out = tmp_path / "out"
    export_to(out, progress_stream=io.StringIO())
    with (out / "applications.jsonl").open("a") as stream:
        stream.write("\n")

    with pytest.raises(TransferInvalid, match="SHA-256"):
        import_from(out, progress_stream=io.StringIO())


@pytest.mark.django_db
def test_the_commands_report_per_application_with_a_progress_bar(applications, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command("export", str(tmp_path / "out"), stdout=out, stderr=err)

    assert "Exported 2 applications" in out.getvalue()
    assert "100% 2/2" in err.getvalue()

    out = io.StringIO()
    call_command("import", str(tmp_path / "out"), stdout=out, stderr=io.StringIO())
    assert "already here, skipped" in out.getvalue()
    assert "0 imported, 2 skipped, 0 refused." in out.getvalue()


def test_an_export_into_a_directory_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "x").write_text("something")

    with pytest.raises(CommandError, match="not empty"):
        call_command("export", str(tmp_path), stdout=io.StringIO())
