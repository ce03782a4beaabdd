"""`indigo import DIR`: read an export (or the old system's, through a mapping) into
this database.

Each application is validated and then written in its own transaction: all of it or
nothing of it. An application whose reference is already here is skipped, so running
the same import again changes nothing. Receipt dates, deadlines and the times of
events, facts, decisions and documents are kept as they were; no listener runs (the
history is copied, nothing happens again: no e-mail, no partner call, no webhook).
People are found by username; a username that is not here becomes an inactive
account without roles or password, so the history still says who. Records are read
one line at a time, so memory stays flat however large the file.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import DatabaseError, transaction
from django.utils.dateparse import parse_datetime

from indigo import clock
from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Applicant, Application, ApplicationEvent, Status, Suspension
from indigo.catalog.models import (
    Channel,
    CustomerGroup,
    DocumentType,
    Product,
    ProductVersion,
    TaskDefinition,
)
from indigo.catalog.selectors import NoVersionInForce, version_in_force
from indigo.decisions.models import Decision
from indigo.dossier.models import Document
from indigo.dossier.storage import dossier_storage, new_storage_name
from indigo.rules.models import Fact
from indigo.transfer.manifest import RECORDS, file_check, manifest_read
from indigo.transfer.progress import Progress
from indigo.work.models import Task

MIGRATION_USER = "migration"


class RecordInvalid(ValueError):
    pass


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused

    def lines(self) -> list[str]:
        out = [f"{ref}: imported" for ref in self.imported]
        out += [f"{ref}: already here, skipped" for ref in self.skipped]
        out += [f"{ref}: refused: {why}" for ref, why in self.refused]
        out.append(
            f"{len(self.imported)} imported, {len(self.skipped)} skipped, "
            f"{len(self.refused)} refused."
        )
        return out


# --- reading values --------------------------------------------------------------------


def _day(record: dict, name: str, *, required: bool = True) -> date | None:
    value = record.get(name)
    if value in (None, ""):
        if required:
            raise RecordInvalid(f"{name} is missing")
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordInvalid(f"{name} is not a date (YYYY-MM-DD): {value!r}") from None


def _moment(record: dict, name: str, *, required: bool = True) -> datetime | None:
    value = record.get(name)
    if value in (None, ""):
        if required:
            raise RecordInvalid(f"{name} is missing")
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or parsed.tzinfo is None:
        raise RecordInvalid(f"{name} is not a date and time with its offset: {value!r}")
    return parsed


def _text(record: dict, name: str, *, required: bool = True, max_length: int = 10_000) -> str:
    value = record.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordInvalid(f"{name} is not a text")
    if required and not value.strip():
        raise RecordInvalid(f"{name} is missing")
    if len(value) > max_length:
        raise RecordInvalid(f"{name} is longer than {max_length} characters")
    return value


def _choice(record: dict, name: str, choices, *, blank: bool = False) -> str:
    value = record.get(name) or ""
    if blank and value == "":
        return value
    if value not in choices:
        raise RecordInvalid(f"{name} {value!r} is not one of: {', '.join(sorted(choices))}")
    return value


class _Users:
    def __init__(self):
        self._cache: dict[str, object] = {}

    def get(self, username: str | None):
        if not username:
            return None
        if username not in self._cache:
            user_model = get_user_model()
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model(username=username, is_active=False)
                user.set_unusable_password()
                user.save()
            self._cache[username] = user
        return self._cache[username]

    def required(self, username: str | None):
        return self.get(username or MIGRATION_USER)


# --- one application -------------------------------------------------------------------


def _validate(record: dict) -> dict:
    """The record's application-level values checked; RecordInvalid names the field."""
    if not isinstance(record, dict):
        raise RecordInvalid("the line is not a JSON object")
    reference = _text(record, "reference", max_length=20)
    product = Product.objects.filter(code=record.get("product")).first()
    if product is None:
        raise RecordInvalid(f"unknown product {record.get('product')!r}")
    received_on = _day(record, "received_on")
    if received_on > clock.today():
        raise RecordInvalid(f"received_on {received_on} lies in the future")
    valid_from = _day(record, "product_version", required=False)
    if valid_from:
        version = ProductVersion.objects.filter(product=product, valid_from=valid_from).first()
    else:
        try:
            version = version_in_force(product=product, on=received_on)
        except NoVersionInForce:
            version = None
    if version is None:
        raise RecordInvalid(
            f"product {product.code} has no version "
            f"{'from ' + str(valid_from) if valid_from else 'in force on ' + str(received_on)}"
        )
    decision_due = _day(record, "decision_due")
    if decision_due < received_on:
        raise RecordInvalid(f"decision_due {decision_due} is before received_on {received_on}")
    applicant = record.get("applicant")
    if not isinstance(applicant, dict):
        raise RecordInvalid("applicant is missing")
    born = _day(applicant, "date_of_birth")
    if born >= received_on:
        raise RecordInvalid(f"applicant.date_of_birth {born} is not before received_on")
    group_code = record.get("customer_group")
    group = None
    if group_code:
        group = CustomerGroup.objects.filter(code=group_code).first()
        if group is None:
            raise RecordInvalid(f"unknown customer_group {group_code!r}")
    for event in record.get("events") or []:
        if event.get("action") not in EventKind.values:
            raise RecordInvalid(f"unknown event action {event.get('action')!r}")
    return {
        "reference": reference,
        "product": product,
        "version": version,
        "group": group,
        "received_on": received_on,
        "decision_due": decision_due,
        "born": born,
    }


def application_import(
    record: dict, *, directory: Path | None, manifest: dict | None, users: _Users
) -> str:
    """Import one record: "imported" or "skipped"; RecordInvalid when refused (nothing
    of it is written)."""
    checked = _validate(record)
    if Application.objects.filter(reference=checked["reference"]).exists():
        return "skipped"
    stored: list[str] = []
    storage = dossier_storage()
    try:
        with transaction.atomic():
            _write(
                record, checked, directory=directory, manifest=manifest, users=users, stored=stored
            )
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise
    return "imported"


def _write(record, checked, *, directory, manifest, users, stored) -> None:
    person = record["applicant"]
    applicant = Applicant.objects.create(
        given_names=_text(person, "given_names", max_length=200),
        surname=_text(person, "surname", max_length=200),
        date_of_birth=checked["born"],
        nationality=_text(person, "nationality", max_length=3),
        v_number=_text(person, "v_number", required=False, max_length=10),
        language=person.get("language") or "en",
    )
    application = Application.objects.create(
        reference=checked["reference"],
        product=checked["product"],
        product_version=checked["version"],
        customer_group=checked["group"],
        applicant=applicant,
        received_on=checked["received_on"],
        channel=_choice(record, "channel", Channel.values),
        status=_choice(record, "status", Status.values),
        resume_status=_choice(record, "resume_status", Status.values, blank=True),
        decision_due=checked["decision_due"],
        extended_on=_day(record, "extended_on", required=False),
        extension_reason=_text(record, "extension_reason", required=False),
        notified_on=_day(record, "notified_on", required=False),
        objection_period_ends=_day(record, "objection_period_ends", required=False),
        created_by=users.get(record.get("created_by")),
    )
    for event in record.get("events") or []:
        ApplicationEvent.objects.create(
            application=application,
            occurred_at=_moment(event, "occurred_at"),
            effective_on=_day(event, "effective_on"),
            actor=users.get(event.get("actor")),
            action=event["action"],
            from_status=event.get("from_status") or "",
            to_status=event.get("to_status") or "",
            reason=event.get("reason") or "",
            payload=event.get("payload") or {},
        )
    for suspension in record.get("suspensions") or []:
        Suspension.objects.create(
            application=application,
            kind=_choice(suspension, "kind", Suspension.Kind.values),
            start=_day(suspension, "start"),
            planned_end=_day(suspension, "planned_end", required=False),
            end=_day(suspension, "end", required=False),
            reason=_text(suspension, "reason", required=False),
        )
    for fact in record.get("facts") or []:
        Fact.objects.create(
            application=application,
            name=_text(fact, "name", max_length=80),
            value=fact.get("value"),
            source=_choice(fact, "source", Fact.Source.values),
            source_detail=_text(fact, "source_detail", required=False, max_length=200),
            recorded_by=users.get(fact.get("recorded_by")),
            recorded_at=_moment(fact, "recorded_at"),
        )
    for task in record.get("tasks") or []:
        code = _text(task, "code", max_length=60)
        Task.objects.create(
            application=application,
            definition=TaskDefinition.objects.filter(version=checked["version"], code=code).first(),
            code=code,
            queue=_text(task, "queue", max_length=80),
            blocking=bool(task.get("blocking", True)),
            expected_days=int(task.get("expected_days") or 0),
            state=_choice(task, "state", Task.State.values),
            assignee=users.get(task.get("assignee")),
            assigned_at=_moment(task, "assigned_at", required=False),
            due_on=_day(task, "due_on"),
            start_by=_day(task, "start_by"),
            outcome=_choice(task, "outcome", Task.Outcome.values, blank=True),
            result=_text(task, "result", required=False),
            completed_at=_moment(task, "completed_at", required=False),
            completed_by=users.get(task.get("completed_by")),
        )
    documents = {}
    for doc in record.get("documents") or []:
        kind = DocumentType.objects.filter(code=doc.get("document_type")).first()
        if kind is None:
            raise RecordInvalid(f"unknown document_type {doc.get('document_type')!r}")
        if directory is None:
            raise RecordInvalid("documents need the export's files")
        try:
            path = file_check(directory, manifest, _text(doc, "file"))
        except ValueError as exc:
            raise RecordInvalid(str(exc)) from None
        if path.name != doc.get("sha256"):
            raise RecordInvalid(f"document {doc.get('file')}: sha256 does not match its file")
        extension = (doc.get("content_type") or "").rsplit("/", 1)[-1].replace("jpeg", "jpg")
        with open(path, "rb") as content:
            name = dossier_storage().save(new_storage_name(extension or "bin"), File(content))
        stored.append(name)
        document = Document.objects.create(
            application=application,
            document_type=kind,
            version=int(doc.get("version") or 1),
            file=name,
            original_name=_text(doc, "original_name", required=False, max_length=255),
            content_type=_text(doc, "content_type", max_length=100),
            size_bytes=path.stat().st_size,
            sha256=doc["sha256"],
            uploaded_by=users.required(doc.get("uploaded_by")),
            uploaded_at=_moment(doc, "uploaded_at"),
            source=_text(doc, "source", max_length=20),
        )
        documents[(kind.code, document.version)] = document
    for decision in record.get("decisions") or []:
        letter = decision.get("letter")
        Decision.objects.create(
            application=application,
            findings=decision.get("findings") or [],
            proposal=_text(decision, "proposal", max_length=30),
            outcome=_choice(decision, "outcome", Decision.Outcome.values),
            motivation=_text(decision, "motivation", required=False),
            decided_by=users.required(decision.get("decided_by")),
            decided_at=_moment(decision, "decided_at"),
            needs_approval=bool(decision.get("needs_approval")),
            approved_by=users.get(decision.get("approved_by")),
            approved_at=_moment(decision, "approved_at", required=False),
            valid_from=_day(decision, "valid_from", required=False),
            valid_until=_day(decision, "valid_until", required=False),
            validity_basis=_text(decision, "validity_basis", required=False),
            fast_track=bool(decision.get("fast_track")),
            letter=(
                documents.get((letter.get("document_type"), letter.get("version")))
                if letter
                else None
            ),
            notified_on=_day(decision, "notified_on", required=False),
            set_aside_at=_moment(decision, "set_aside_at", required=False),
        )


# --- the whole import ------------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, line


def _count(path: Path) -> int:
    return sum(1 for _ in _lines(path))


def records_import(
    records: Iterator[tuple[str, dict | Exception]],
    *,
    total: int,
    directory: Path | None = None,
    manifest: dict | None = None,
    progress_stream=None,
) -> ImportReport:
    """Import (label, record) pairs one by one; an Exception in place of a record is a
    line that could not be read (refused, with its reason)."""
    report = ImportReport()
    users = _Users()
    progress = Progress("Importing", total=total, stream=progress_stream)
    for label, record in records:
        try:
            if isinstance(record, Exception):
                raise record
            outcome = application_import(
                record, directory=directory, manifest=manifest, users=users
            )
        except (RecordInvalid, ValueError, KeyError, TypeError, DatabaseError) as exc:
            reference = record.get("reference") if isinstance(record, dict) else None
            report.refused.append((reference or label, str(exc)))
        else:
            (report.imported if outcome == "imported" else report.skipped).append(
                record["reference"]
            )
        progress.step()
    progress.done()
    return report


def import_from(directory: Path, *, progress_stream=None) -> ImportReport:
    """Import an Indigo export (TransferInvalid when the directory is not one)."""
    directory = Path(directory)
    manifest = manifest_read(directory)
    path = directory / RECORDS

    def records():
        for number, line in _lines(path):
            try:
                yield f"line {number}", json.loads(line)
            except ValueError as exc:
                yield f"line {number}", RecordInvalid(f"not JSON: {exc}")

    return records_import(
        records(),
        total=_count(path),
        directory=directory,
        manifest=manifest,
        progress_stream=progress_stream,
    )
