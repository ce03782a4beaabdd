"""Reading the processing log: who processed a person's data, when, and for what."""

from dataclasses import dataclass
from datetime import datetime

from indigo.audit.models import AccessTrace, ProcessingRecord
from indigo.audit.pseudonyms import applicant_pseudonym


@dataclass(frozen=True)
class Access:
    at: datetime
    user: object  # the user, or None for a process without a person
    operation: str
    processing_activity_id: str
    trace_id: str


def accesses_to(*, applicant_ids, limit: int = 500) -> list[Access]:
    """The processings of these applicants' data, newest first (the who joined in)."""
    pseudonyms = [applicant_pseudonym(i) for i in applicant_ids]
    lines = list(
        ProcessingRecord.objects.filter(data_subject_id__in=pseudonyms).order_by(
            "-start_time", "-id"
        )[:limit]
    )
    traces = {
        (t.trace_id, t.span_id): t
        for t in AccessTrace.objects.select_related("user").filter(
            trace_id__in={line.trace_id for line in lines}
        )
    }
    result, seen = [], set()
    for line in lines:
        key = (line.trace_id, line.parent_span_id)
        if key in seen:  # one person twice on one page: once is enough here
            continue
        seen.add(key)
        trace = traces.get(key)
        result.append(
            Access(
                at=line.start_time,
                user=trace.user if trace else None,
                operation=line.name,
                processing_activity_id=line.processing_activity_id,
                trace_id=line.trace_id,
            )
        )
    return result
