"""Writing the processing log: one line per data subject, the who once per trace."""

from collections.abc import Iterable

from django.db import transaction

from indigo import clock
from indigo.accounts.roles import Role, roles_of
from indigo.audit.activities import Activity
from indigo.audit.chain import chain_seal
from indigo.audit.models import AccessTrace, ProcessingRecord
from indigo.audit.pseudonyms import APPLICANT, applicant_pseudonym
from indigo.audit.tracing import Trace, current_trace, new_span_id, trace_from_header

# What a user's processing is for, by role (most specific first).
_ACTIVITY_BY_ROLE = (
    (Role.PRIVACY, Activity.PRIVACY_OVERSIGHT),
    (Role.CONTACT, Activity.CUSTOMER_CONTACT),
    (Role.DESK, Activity.DESK_SERVICE),
    (Role.SPONSOR, Activity.SPONSOR_SERVICE),
    (Role.CASEWORKER, Activity.APPLICATION_HANDLING),
    (Role.SPECIALIST, Activity.APPLICATION_HANDLING),
    (Role.MANAGER, Activity.APPLICATION_HANDLING),
    (Role.ADMIN, Activity.TECHNICAL_ADMINISTRATION),
)


def activity_of(user) -> Activity:
    roles = roles_of(user) if user is not None else frozenset()
    for role, activity in _ACTIVITY_BY_ROLE:
        if role in roles:
            return activity
    return Activity.APPLICATION_HANDLING


def processing_record(
    *,
    user,
    applicant_ids: Iterable[int],
    operation: str = "",
    activity: Activity | None = None,
) -> list[ProcessingRecord]:
    """Log that `user` processed the personal data of these applicants.

    A person reading only their own data is not logged (it is their own data; the
    portal shows it to them). Everyone else is: staff, sponsors, API clients, admins.
    """
    own = set()
    if user is not None and Role.APPLICANT in roles_of(user):
        own = set(user.applicant_profiles.values_list("pk", flat=True))
    subjects = sorted({int(i) for i in applicant_ids} - own)
    if not subjects:
        return []
    trace = current_trace() or trace_from_header(None, operation=operation)
    operation = (operation or trace.operation or "unknown")[:120]
    activity = activity or activity_of(user)
    now = clock.now()
    # No savepoint of its own: if a line cannot be written, the whole change fails.
    with transaction.atomic(savepoint=False):
        _access_trace(trace=trace, user=user, operation=operation, at=now)
        rows = [
            ProcessingRecord(
                trace_id=trace.trace_id,
                span_id=new_span_id(),
                parent_span_id=trace.span_id,
                name=operation,
                status=ProcessingRecord.Status.OK,
                start_time=now,
                end_time=now,
                processing_activity_id=str(activity),
                data_subject_id=applicant_pseudonym(subject),
                data_subject_id_type=APPLICANT,
            )
            for subject in subjects
        ]
        chain_seal(*rows)
        ProcessingRecord.objects.bulk_create(rows)
    return rows


def _access_trace(*, trace: Trace, user, operation: str, at) -> None:
    """The who of this trace's span, written once (a span has one user)."""
    if trace.recorded:
        return
    user_id = user.pk if getattr(user, "is_authenticated", False) else None
    row = AccessTrace(
        trace_id=trace.trace_id, span_id=trace.span_id, user_id=user_id, at=at, operation=operation
    )
    chain_seal(row)
    row.save(force_insert=True)
    trace.recorded = True
