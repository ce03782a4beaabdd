"""The misuse signals (R16): each detector explains itself or stays silent.

A detector takes a `Subject` (the application without its applicant's nationality,
see `indigo.misuse.selectors`) and the thresholds in force, and returns findings:
what it saw, in plain words with the numbers, and the evidence — the ids, values and
counts it rests on, nothing else. A finding routes the application to a specialist;
it never decides anything.

Inputs, and only these:
- the outcome of document examination tasks (a document reported doubtful or false);
- the fact `travel_document_number`, compared with other applicants by name and date
  of birth only;
- the fact `sponsor_kvk_number`, with the withdrawn and refused applications of that
  sponsor;
- the fact `residential_address`, counting different persons registering it.

Nationality, ethnicity and country of birth are never inputs: no detector can read
them, because `Subject` does not carry them and no query here selects them. Where
a law names nationality (EU/EEA citizens, visa-exempt nationalities for the entry
visa), that is a rule of the product, applied in `indigo.rules` citing its article —
never a reason for suspicion.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone

from indigo import clock
from indigo.misuse import conf, normalise, outcomes, selectors
from indigo.misuse.conf import Thresholds
from indigo.misuse.models import Signal
from indigo.misuse.selectors import Subject

Kind = Signal.Kind


@dataclass(frozen=True)
class SignalFinding:
    kind: str
    reason_en: str
    reason_nl: str
    evidence: dict = field(hash=False)


def _since(thresholds: Thresholds):
    first_day = clock.today() - timedelta(days=thresholds.lookback_days)
    return first_day, timezone.make_aware(datetime.combine(first_day, time.min))


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def document_false(subject: Subject, *, thresholds: Thresholds) -> list[SignalFinding]:
    """Document examination reported concerns about a document of this application."""
    tasks = selectors.concerns_of_document_examination(
        application_id=subject.application_id, codes=conf.document_examination_tasks()
    )
    if not tasks:
        return []
    days = [timezone.localdate(t["completed_at"]).isoformat() for t in tasks]
    on = ", ".join(days)
    return [
        SignalFinding(
            kind=Kind.DOCUMENT_FALSE,
            reason_en=(
                f"Document examination reported concerns about a document of this "
                f"application ({_count(len(tasks), 'examination', 'examinations')}, "
                f"completed on {on}). Review "
                "whether the application rests on a false or falsified document."
            ),
            reason_nl=(
                f"Het documentonderzoek heeft bedenkingen gemeld over een document van deze "
                f"aanvraag ({_count(len(tasks), 'onderzoek', 'onderzoeken')}, afgerond op "
                f"{on}). Beoordeel of de "
                "aanvraag berust op een vals of vervalst document."
            ),
            evidence={
                "tasks": [
                    {"task_id": t["pk"], "code": t["code"], "outcome": "concerns", "on": day}
                    for t, day in zip(tasks, days, strict=True)
                ]
            },
        )
    ]


def shared_travel_document(subject: Subject, *, thresholds: Thresholds) -> list[SignalFinding]:
    """The same travel document number on applications of persons with another identity.

    Identity is given names, surname and date of birth; the same person applying twice
    (an extension, a new application) is not a signal.
    """
    fact = selectors.latest_fact(
        name="travel_document_number", application_id=subject.application_id
    )
    number = normalise.compact(fact.value) if fact else None
    if number is None:
        return []
    sharing = selectors.applications_sharing(
        name="travel_document_number", fact=fact, key=number, key_of=normalise.compact
    )
    others = selectors.subjects_of(application_ids=list(sharing))
    others = {pk: other for pk, other in others.items() if other.identity != subject.identity}
    if not others:
        return []
    ids = sorted(others)
    persons = len({other.identity for other in others.values()})
    return [
        SignalFinding(
            kind=Kind.SHARED_TRAVEL_DOCUMENT,
            reason_en=(
                f"Travel document number {number} of this application is also given on "
                f"{_count(len(ids), 'other application', 'other applications')}, by "
                f"{_count(persons, 'person', 'persons')} with another name or date of birth."
            ),
            reason_nl=(
                f"Reisdocumentnummer {number} van deze aanvraag staat ook op "
                f"{_count(len(ids), 'andere aanvraag', 'andere aanvragen')}, van "
                f"{_count(persons, 'persoon', 'personen')} met een andere naam of "
                "geboortedatum."
            ),
            evidence={
                "travel_document_number": number,
                "fact_id": fact.fact_id,
                "other_applications": ids,
                "other_fact_ids": [sharing[pk].fact_id for pk in ids],
                "other_persons": persons,
            },
        )
    ]


def sponsor_refusal_share(subject: Subject, *, thresholds: Thresholds) -> list[SignalFinding]:
    """A sponsor with an unusual share of refused or withdrawn applications.

    Counted over the sponsor's other applications received in the lookback window;
    this application's own outcome is what is still open, so it does not count.
    """
    fact = selectors.latest_fact(name="sponsor_kvk_number", application_id=subject.application_id)
    kvk = normalise.compact(fact.value) if fact else None
    if kvk is None:
        return []
    first_day, _ = _since(thresholds)
    sharing = selectors.applications_sharing(
        name="sponsor_kvk_number",
        fact=fact,
        key=kvk,
        key_of=normalise.compact,
        received_since=first_day,
    )
    ids = sorted(sharing)
    total = len(ids)
    if total < thresholds.sponsor_minimum_applications:
        return []
    withdrawn = outcomes.withdrawn_application_ids(application_ids=ids)
    refused = outcomes.refused(application_ids=ids) - withdrawn
    ended = len(withdrawn) + len(refused)
    if ended < thresholds.sponsor_refusal_share * total:
        return []
    share, threshold = _percent(ended, total), f"{thresholds.sponsor_refusal_share:.0%}"
    minimum = thresholds.sponsor_minimum_applications
    return [
        SignalFinding(
            kind=Kind.SPONSOR_REFUSAL_SHARE,
            reason_en=(
                f"Of the {total} other applications of sponsor KvK {kvk} received since "
                f"{first_day:%Y-%m-%d}, {ended} were refused or withdrawn ({share}: "
                f"{len(refused)} refused, {len(withdrawn)} withdrawn). Applications are "
                f"reviewed from a share of {threshold} over at least {minimum} applications."
            ),
            reason_nl=(
                f"Van de {total} andere aanvragen van referent KvK {kvk} ontvangen sinds "
                f"{first_day:%Y-%m-%d} zijn er {ended} afgewezen of ingetrokken ({share}: "
                f"{len(refused)} afgewezen, {len(withdrawn)} ingetrokken). Vanaf een aandeel "
                f"van {threshold} bij ten minste {minimum} aanvragen volgt een beoordeling."
            ),
            evidence={
                "sponsor_kvk_number": kvk,
                "fact_id": fact.fact_id,
                "since": first_day.isoformat(),
                "applications": ids,
                "refused": sorted(refused),
                "withdrawn": sorted(withdrawn),
                "threshold_share": str(thresholds.sponsor_refusal_share),
                "minimum_applications": minimum,
            },
        )
    ]


def address_crowding(subject: Subject, *, thresholds: Thresholds) -> list[SignalFinding]:
    """Many different persons registering one address within the lookback window."""
    fact = selectors.latest_fact(name="residential_address", application_id=subject.application_id)
    key = normalise.address(fact.value) if fact else None
    if key is None:
        return []
    first_day, since = _since(thresholds)
    sharing = selectors.applications_sharing(
        name="residential_address", fact=fact, key=key, key_of=normalise.address, since=since
    )
    others = selectors.subjects_of(application_ids=list(sharing))
    persons = {subject.identity} | {other.identity for other in others.values()}
    if len(persons) < thresholds.address_registrations:
        return []
    ids = sorted(others)
    minimum = thresholds.address_registrations
    return [
        SignalFinding(
            kind=Kind.ADDRESS_CROWDING,
            reason_en=(
                f"{len(persons)} different persons, this applicant included, gave the address "
                f"of this application ({key}) on applications since {first_day:%Y-%m-%d}. "
                "Applications are "
                f"reviewed from {minimum} persons on one address."
            ),
            reason_nl=(
                f"{len(persons)} verschillende personen, deze aanvrager meegeteld, hebben het "
                f"adres van deze aanvraag ({key}) sinds {first_day:%Y-%m-%d} opgegeven bij een "
                "aanvraag. Vanaf "
                f"{minimum} personen op één adres volgt een beoordeling."
            ),
            evidence={
                "address": key,
                "fact_id": fact.fact_id,
                "since": first_day.isoformat(),
                "persons": len(persons),
                "other_applications": ids,
                "other_fact_ids": [sharing[pk].fact_id for pk in ids],
                "threshold_persons": minimum,
            },
        )
    ]


DETECTORS = (document_false, shared_travel_document, sponsor_refusal_share, address_crowding)

# What a specialist's conclusion on a signal rests on. Once a signal is resolved, its
# kind is raised again on the application only for a ground the specialist has not
# seen: another examination, another person, another withdrawal or refusal, a
# corrected fact. Window dates and counts move every day and are no new ground.
GROUNDS = {
    Kind.DOCUMENT_FALSE: ("tasks",),
    Kind.SHARED_TRAVEL_DOCUMENT: ("fact_id", "other_applications"),
    Kind.SPONSOR_REFUSAL_SHARE: ("fact_id", "refused", "withdrawn"),
    Kind.ADDRESS_CROWDING: ("fact_id", "other_applications"),
}


def grounds(kind: str, evidence: dict) -> set[tuple[str, str]]:
    items = set()
    for key in GROUNDS[kind]:
        value = evidence.get(key)
        for item in value if isinstance(value, list) else [value]:
            items.add((key, json.dumps(item, sort_keys=True)))
    return items


def detect(subject: Subject, *, thresholds: Thresholds) -> list[SignalFinding]:
    """All findings on one application, in the order of DETECTORS."""
    return [
        finding for detector in DETECTORS for finding in detector(subject, thresholds=thresholds)
    ]
