"""Checking every hash chain: `indigo verify-audit`."""

from functools import cache

from indigo.audit.activities import Activity
from indigo.audit.chain import ChainReport, chained_models, verify_model
from indigo.audit.models import ProcessingRecord
from indigo.audit.pseudonyms import applicant_pseudonym


def _redaction_check():
    @cache
    def retention_on_record(applicant_id: int) -> bool:
        return ProcessingRecord.objects.filter(
            processing_activity_id=str(Activity.RETENTION),
            data_subject_id=applicant_pseudonym(applicant_id),
        ).exists()

    def on_record(row) -> bool:
        # A redacted row belongs to an application; its anonymisation is a chained line
        # of the processing log about the same person.
        return retention_on_record(row.application.applicant_id)

    return on_record


def audit_verify() -> list[ChainReport]:
    """One report per chained table; a report's `broken` names the first broken link."""
    on_record = _redaction_check()
    return [verify_model(model, redaction_on_record=on_record) for model in chained_models()]
