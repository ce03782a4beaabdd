"""A person's data export (right of access, AVG art. 15): one zip file.

`person.json` holds every row that belongs to the person: the applicant record, each
application, and every row of any table that points to one of them (events, documents'
metadata, information requests, contacts, appointments, decisions, …). The tables are
found by following the foreign keys, so an app added later is in the export without
touching this module. Each document's file is in `documents/`, checked against its
SHA-256 before it is added. The processing log lines about the person are listed too
(when, for what purpose: AVG art. 15(1)(a) and (c)), without the staff's names.
"""

import io
import json
import zipfile

from django.core.serializers import serialize
from django.core.serializers.json import DjangoJSONEncoder

from indigo import clock
from indigo.audit.activities import Activity
from indigo.audit.models import ProcessingRecord
from indigo.audit.pseudonyms import applicant_pseudonym
from indigo.cases.access import persons_seen
from indigo.cases.models import Applicant, Application
from indigo.dossier.models import Document
from indigo.dossier.services import document_content_verified
from indigo.dossier.sniffing import EXTENSIONS

# Internal bookkeeping that says nothing about the person.
_LEFT_OUT = {"content_hash", "chain_hash"}


def _rows(queryset) -> list[dict]:
    rows = json.loads(serialize("json", queryset))
    for row in rows:
        for key in _LEFT_OUT & set(row["fields"]):
            del row["fields"][key]
    return rows


def _related(model, pks) -> dict[str, list[dict]]:
    """Every row of every table with a foreign key to `model` among `pks`."""
    found = {}
    for relation in model._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        related = relation.related_model
        if related in (Application,):
            continue
        qs = related._default_manager.filter(**{f"{relation.field.name}__in": pks})
        if qs.exists():
            found[related._meta.label] = _rows(qs.order_by("pk"))
    return found


def person_data(*, applicant: Applicant) -> dict:
    applications = Application.objects.filter(applicant=applicant).order_by("pk")
    pks = list(applications.values_list("pk", flat=True))
    processing = ProcessingRecord.objects.filter(
        data_subject_id=applicant_pseudonym(applicant.pk)
    ).order_by("start_time", "pk")
    return {
        "made_at": clock.now(),
        "person": _rows(Applicant.objects.filter(pk=applicant.pk))[0],
        "applications": _rows(applications),
        "about_the_person": _related(Applicant, [applicant.pk]),
        "about_the_applications": _related(Application, pks),
        "processing": [
            {
                "at": line.start_time,
                "operation": line.name,
                "processing_activity": line.processing_activity_id,
                "trace_id": line.trace_id,
            }
            for line in processing
        ],
    }


def _document_name(document: Document) -> str:
    extension = EXTENSIONS.get(document.content_type, "bin")
    return (
        f"documents/{document.application.reference}/"
        f"{document.document_type.code}-v{document.version}.{extension}"
    )


def person_export(*, actor, applicant: Applicant) -> bytes:
    """The zip file of everything Indigo holds about the person; the export is recorded."""
    persons_seen(
        user=actor,
        applicant_ids=[applicant.pk],
        context="privacy:person-export",
        activity=Activity.RIGHT_OF_ACCESS,
    )
    data = person_data(applicant=applicant)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        documents = Document.objects.filter(application__applicant=applicant).select_related(
            "application", "document_type"
        )
        listed = []
        for document in documents.order_by("pk"):
            name = _document_name(document)
            with document_content_verified(document=document) as content:
                archive.writestr(name, content.read())
            listed.append({"file": name, "sha256": document.sha256, "id": document.pk})
        data["document_files"] = listed
        archive.writestr(
            "person.json",
            json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        )
    return buffer.getvalue()


def export_file_name(applicant: Applicant) -> str:
    return f"indigo-person-{applicant.pk}-{clock.today():%Y%m%d}.zip"


__all__ = ["export_file_name", "person_data", "person_export"]
