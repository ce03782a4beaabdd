"""What the misuse detectors may read, and nothing more.

Nationality, ethnicity and country of birth are never inputs of a signal (R16). That
is built in here rather than promised: every query below names the columns it reads,
none of them is `nationality`, and the detectors get a `Subject` — the application
as they may see it — instead of the Application and its Applicant. A test runs the
detectors and asserts that no SQL they execute mentions nationality.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q

from indigo.cases.models import Application
from indigo.misuse import normalise
from indigo.rules.models import Fact
from indigo.work.models import Task

# The applicant's columns a signal may use: who the person is, never where from.
_APPLICATION_COLUMNS = (
    "pk",
    "reference",
    "status",
    "received_on",
    "applicant_id",
    "applicant__given_names",
    "applicant__surname",
    "applicant__date_of_birth",
)


@dataclass(frozen=True)
class Subject:
    """An application as the detectors see it. Deliberately without nationality."""

    application_id: int
    reference: str
    status: str
    received_on: date
    applicant_id: int
    identity: tuple[str, str, str]


def _subject(row: dict) -> Subject:
    return Subject(
        application_id=row["pk"],
        reference=row["reference"],
        status=row["status"],
        received_on=row["received_on"],
        applicant_id=row["applicant_id"],
        identity=normalise.identity(
            row["applicant__given_names"],
            row["applicant__surname"],
            row["applicant__date_of_birth"],
        ),
    )


def subject_of(*, application_id: int) -> Subject:
    return subjects_of(application_ids=[application_id])[application_id]


def subjects_of(*, application_ids: Collection[int]) -> dict[int, Subject]:
    rows = (
        Application.objects.filter(pk__in=application_ids).order_by().values(*_APPLICATION_COLUMNS)
    )
    return {row["pk"]: _subject(row) for row in rows}


@dataclass(frozen=True)
class FactValue:
    fact_id: int
    application_id: int
    value: object
    recorded_at: datetime


def latest_facts(*, name: str, application_ids: Collection[int]) -> dict[int, FactValue]:
    """The newest fact `name` of each application (a correction replaces what it corrects)."""
    latest: dict[int, FactValue] = {}
    rows = (
        Fact.objects.filter(name=name, application_id__in=application_ids)
        .order_by("application_id", "-recorded_at", "-id")
        .values_list("id", "application_id", "value", "recorded_at")
    )
    for fact_id, application_id, value, recorded_at in rows:
        latest.setdefault(application_id, FactValue(fact_id, application_id, value, recorded_at))
    return latest


def latest_fact(*, name: str, application_id: int) -> FactValue | None:
    return latest_facts(name=name, application_ids=[application_id]).get(application_id)


def applications_sharing(
    *,
    name: str,
    fact: FactValue,
    key: str,
    key_of,
    since: datetime | None = None,
    received_since: date | None = None,
) -> dict[int, FactValue]:
    """Other applications whose newest fact `name` has the comparable form `key`.

    `since`: only facts recorded from then on; `received_since`: only applications
    received from that day on.

    The database pre-selects facts that may match (any version of the fact, in compact
    form, or a structured address by its postcode); Python then keeps the
    applications whose *newest* fact matches exactly.
    """
    maybe = Q(value=fact.value) | Q(compacted=key)
    if isinstance(fact.value, dict) and fact.value.get("postcode") is not None:
        postcode = normalise.compact(fact.value["postcode"])
        maybe |= Q(value__has_key="postcode", postcode=postcode)
    candidates = (
        Fact.objects.filter(name=name)
        .exclude(application_id=fact.application_id)
        .annotate(
            compacted=normalise.compact_sql("value"),
            postcode=normalise.compact_sql("value__postcode"),
        )
        .filter(maybe)
    )
    if since is not None:
        candidates = candidates.filter(recorded_at__gte=since)
    if received_since is not None:
        candidates = candidates.filter(application__received_on__gte=received_since)
    ids = set(candidates.order_by().values_list("application_id", flat=True))
    return {
        application_id: latest
        for application_id, latest in latest_facts(name=name, application_ids=ids).items()
        if key_of(latest.value) == key and (since is None or latest.recorded_at >= since)
    }


def concerns_of_document_examination(*, application_id: int, codes: Collection[str]):
    """Completed document examinations on the application that reported concerns."""
    return list(
        Task.objects.filter(
            application_id=application_id,
            code__in=codes,
            state=Task.State.DONE,
            outcome=Task.Outcome.CONCERNS,
        )
        .order_by("completed_at", "pk")
        .values("pk", "code", "completed_at")
    )
