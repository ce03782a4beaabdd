"""Retention: anonymise what has passed its retention period (`indigo retention`).

The periods are data (`data/retention.yaml`, per product and outcome, with their
source). An application is *due* when it ended (closed or withdrawn) and the end of
the year it ended plus the period lies before today; a person is anonymised when every
application of theirs is due, because their record is shared by those applications.

What anonymising does, for one person:
- the applicant record keeps no name, date of birth, nationality, V-number or account;
- every event of their applications keeps its kind, dates and statuses, but its free
  text (`reason`) and `payload` are emptied and `redacted_at` is set. The event's
  stored `content_hash` and `chain_hash` stay, so the chain still verifies; verifying
  asks that a redacted row's person has a retention line in the processing log;
- each dossier file is deleted from the document store (the row keeps type, size and
  checksum, not the uploader's file name);
- the processing log gets one line per person (activity: retention), which is the log
  of what was done; the command also prints it.

The append-only triggers of the event table are dropped and put back inside the same
transaction (DDL is transactional on PostgreSQL and SQLite), so no other writer ever
sees the table unprotected.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from django.db import connection, transaction

from indigo import append_only, clock
from indigo.audit.activities import Activity
from indigo.cases.access import persons_seen
from indigo.cases.models import Applicant, Application, ApplicationEvent, Status
from indigo.decisions.models import Decision
from indigo.dossier.models import Document
from indigo.dossier.storage import dossier_storage

RULES_FILE = Path(__file__).parent / "data" / "retention.yaml"
ENDED = (Status.CLOSED, Status.WITHDRAWN)
ANONYMOUS = {
    "given_names": "",
    "surname": "(anonymised)",
    "date_of_birth": date(1900, 1, 1),
    "nationality": "XXX",
    "v_number": "",
    "user": None,
}


@cache
def retention_rules() -> dict:
    data = yaml.safe_load(RULES_FILE.read_text())
    rules = {(r["product"], r["outcome"]): r["years"] for r in data["rules"]}
    return {
        "rules": rules,
        "source": data["default"]["source"],
        "verified": data["default"]["verified"],
    }


def retention_years(*, product: str, outcome: str) -> int | None:
    """Years after the end of the year the application ended; None: kept permanently."""
    rules = retention_rules()["rules"]
    for key in ((product, outcome), ("*", outcome), ("*", "none")):
        if key in rules:
            return rules[key]
    return None


def _outcome(application: Application) -> str:
    if application.status == Status.WITHDRAWN:
        return "withdrawn"
    decision = (
        Decision.objects.filter(application=application, set_aside_at__isnull=True)
        .order_by("-decided_at")
        .first()
    )
    return decision.outcome if decision else "none"


def _ended_on(application: Application) -> date | None:
    event = (
        ApplicationEvent.objects.filter(application=application, to_status__in=ENDED)
        .order_by("-occurred_at")
        .first()
    )
    return event.effective_on if event else None


@dataclass
class Due:
    applicant: Applicant
    references: list[str] = field(default_factory=list)


def retention_due(*, today: date) -> list[Due]:
    due: dict[int, Due] = {}
    blocked: set[int] = set()
    for application in Application.objects.select_related("product", "applicant").order_by("pk"):
        person = application.applicant_id
        if application.status not in ENDED:
            blocked.add(person)
            continue
        ended = _ended_on(application)
        years = retention_years(product=application.product.code, outcome=_outcome(application))
        if ended is None or years is None or date(ended.year + years + 1, 1, 1) > today:
            blocked.add(person)
            continue
        due.setdefault(person, Due(application.applicant)).references.append(application.reference)
    return [d for pk, d in due.items() if pk not in blocked]


def _unprotected(tables: list[str], work) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE refuses while deferred foreign-key checks are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
    try:
        work()
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in tables:
                    cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        append_only.install_triggers()


def person_anonymise(*, applicant: Applicant) -> dict:
    """Anonymise one person (inside the caller's transaction); what was done."""
    assert connection.in_atomic_block
    applications = list(Application.objects.filter(applicant=applicant))
    documents = list(Document.objects.filter(application__in=applications))
    for document in documents:
        if document.file.name:
            dossier_storage().delete(document.file.name)
    now = clock.now()
    events = ApplicationEvent.objects.filter(application__in=applications, redacted_at__isnull=True)
    redacted = {"count": 0}

    def redact():
        Document.objects.filter(pk__in=[d.pk for d in documents]).update(original_name="")
        redacted["count"] = events.update(reason="", payload={}, redacted_at=now)

    _unprotected([ApplicationEvent._meta.db_table, Document._meta.db_table], redact)
    for key, value in ANONYMOUS.items():
        setattr(applicant, key, value)
    applicant.save(update_fields=list(ANONYMOUS))
    persons_seen(
        user=None,
        applicant_ids=[applicant.pk],
        context="command:retention",
        activity=Activity.RETENTION,
    )
    return {"events": redacted["count"], "documents": len(documents)}


def retention_run(*, apply: bool, today: date | None = None) -> list[str]:
    """Lines saying what is (or, with apply=False, would be) anonymised."""
    today = today or clock.today()
    lines = []
    for due in retention_due(today=today):
        refs = ", ".join(due.references)
        if not apply:
            lines.append(f"would anonymise person {due.applicant.pk} ({refs})")
            continue
        with transaction.atomic():
            done = person_anonymise(applicant=due.applicant)
        lines.append(
            f"anonymised person {due.applicant.pk} ({refs}): "
            f"{done['events']} events redacted, {done['documents']} files deleted"
        )
    return lines
