"""`indigo export DIR`: every application with its applicant, events, suspensions,
facts, tasks, decisions and documents, one JSON line per application (format version
1, docs/migration.md). Applications are read one at a time, so memory stays flat."""

import json
import shutil
from pathlib import Path

from indigo import clock
from indigo.cases.models import Application
from indigo.dossier.storage import dossier_storage
from indigo.transfer.manifest import FILES, RECORDS, manifest_write
from indigo.transfer.progress import Progress


def _user(user) -> str | None:
    return user.get_username() if user is not None else None


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def application_record(application: Application) -> tuple[dict, list]:
    """The application as a record, and its documents (whose files go alongside)."""
    applicant = application.applicant
    documents = list(
        application.documents.select_related("document_type", "uploaded_by").order_by(
            "document_type__code", "version"
        )
    )
    return {
        "reference": application.reference,
        "product": application.product.code,
        "product_version": _day(application.product_version.valid_from),
        "customer_group": application.customer_group.code if application.customer_group else None,
        "channel": application.channel,
        "status": application.status,
        "resume_status": application.resume_status,
        "received_on": _day(application.received_on),
        "decision_due": _day(application.decision_due),
        "extended_on": _day(application.extended_on),
        "extension_reason": application.extension_reason,
        "notified_on": _day(application.notified_on),
        "objection_period_ends": _day(application.objection_period_ends),
        "created_by": _user(application.created_by),
        "applicant": {
            "given_names": applicant.given_names,
            "surname": applicant.surname,
            "date_of_birth": _day(applicant.date_of_birth),
            "nationality": applicant.nationality,
            "v_number": applicant.v_number,
            "language": applicant.language,
        },
        "events": [
            {
                "occurred_at": e.occurred_at.isoformat(),
                "effective_on": _day(e.effective_on),
                "actor": _user(e.actor),
                "action": e.action,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "reason": e.reason,
                "payload": e.payload,
            }
            for e in application.events.select_related("actor").order_by("occurred_at", "id")
        ],
        "suspensions": [
            {
                "kind": s.kind,
                "start": _day(s.start),
                "planned_end": _day(s.planned_end),
                "end": _day(s.end),
                "reason": s.reason,
            }
            for s in application.suspensions.order_by("start", "id")
        ],
        "facts": [
            {
                "name": f.name,
                "value": f.value,
                "source": f.source,
                "source_detail": f.source_detail,
                "recorded_by": _user(f.recorded_by),
                "recorded_at": f.recorded_at.isoformat(),
            }
            for f in application.facts.select_related("recorded_by").order_by("recorded_at", "id")
        ],
        "tasks": [
            {
                "code": t.code,
                "queue": t.queue,
                "blocking": t.blocking,
                "expected_days": t.expected_days,
                "state": t.state,
                "assignee": _user(t.assignee),
                "assigned_at": t.assigned_at.isoformat() if t.assigned_at else None,
                "due_on": _day(t.due_on),
                "start_by": _day(t.start_by),
                "outcome": t.outcome,
                "result": t.result,
                "completed_at": t.completed_at.isoformat() if t.completed_at else None,
                "completed_by": _user(t.completed_by),
            }
            for t in application.tasks.select_related("assignee", "completed_by").order_by(
                "code", "due_on", "id"
            )
        ],
        "decisions": [
            {
                "proposal": d.proposal,
                "outcome": d.outcome,
                "motivation": d.motivation,
                "findings": d.findings,
                "decided_by": _user(d.decided_by),
                "decided_at": d.decided_at.isoformat(),
                "needs_approval": d.needs_approval,
                "approved_by": _user(d.approved_by),
                "approved_at": d.approved_at.isoformat() if d.approved_at else None,
                "valid_from": _day(d.valid_from),
                "valid_until": _day(d.valid_until),
                "validity_basis": d.validity_basis,
                "fast_track": d.fast_track,
                "letter": (
                    {"document_type": d.letter.document_type.code, "version": d.letter.version}
                    if d.letter_id
                    else None
                ),
                "notified_on": _day(d.notified_on),
                "set_aside_at": d.set_aside_at.isoformat() if d.set_aside_at else None,
            }
            for d in application.decisions.select_related(
                "decided_by", "approved_by", "letter__document_type"
            ).order_by("decided_at", "id")
        ],
        "documents": [
            {
                "document_type": d.document_type.code,
                "version": d.version,
                "original_name": d.original_name,
                "content_type": d.content_type,
                "size_bytes": d.size_bytes,
                "sha256": d.sha256,
                "uploaded_by": _user(d.uploaded_by),
                "uploaded_at": d.uploaded_at.isoformat(),
                "source": d.source,
                "file": f"{FILES}/{d.sha256}",
            }
            for d in documents
        ],
    }, documents


def export_to(directory: Path, *, progress_stream=None) -> int:
    """Write the export; returns the number of applications."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        raise FileExistsError(f"{directory} is not empty; export into a new directory.")
    (directory / FILES).mkdir()
    queryset = Application.objects.select_related(
        "applicant", "product", "product_version", "customer_group", "created_by"
    ).order_by("reference")
    progress = Progress("Exporting", total=queryset.count(), stream=progress_stream)
    count = 0
    with open(directory / RECORDS, "w", encoding="utf-8") as records:
        for application in queryset.iterator(chunk_size=200):
            record, documents = application_record(application)
            for document in documents:
                target = directory / FILES / document.sha256
                if not target.exists():
                    stored = dossier_storage().open(document.file.name, "rb")
                    with stored as source, open(target, "wb") as out:
                        shutil.copyfileobj(source, out)
            records.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
            count += 1
            progress.step()
    progress.done()
    manifest_write(directory, exported_at=clock.now().isoformat())
    return count
