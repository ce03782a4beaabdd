"""Reading the processing log in tests: which operations processed whose data, by whom."""

from indigo.audit.models import AccessTrace, ProcessingRecord
from indigo.audit.pseudonyms import applicant_pseudonym


def logged(*, applicant_id: int, user=None) -> set[str]:
    """The operations that processed this person's data (by `user`, if given)."""
    lines = ProcessingRecord.objects.filter(data_subject_id=applicant_pseudonym(applicant_id))
    if user is not None:
        spans = AccessTrace.objects.filter(user=user).values_list("trace_id", "span_id")
        wanted = set(spans)
        return {line.name for line in lines if (line.trace_id, line.parent_span_id) in wanted}
    return set(lines.values_list("name", flat=True))
