"""Writes of the partners app: asking partners (through the outbox), their answers and
failures, and what partners report to Indigo.

Asking is two halves. In the transaction of the change that makes a question necessary
(the application received, the sponsor's BSN recorded) `partner_calls_plan` writes a
`PartnerCall` and an outbox message. After the commit the worker runs `partner_call_run`:
it asks the partner outside any transaction; an answer is recorded as facts with source
"partner", the register and the request id, in one transaction with the call marked
answered; a failure is recorded as an attempt and raised, so the outbox tries again with
back-off until the partner is back. Nothing is lost, and nothing is asked twice once
answered.
"""

import time
from datetime import date

from django.conf import settings
from django.db import transaction

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application
from indigo.errors import InvalidInput, NotAllowed
from indigo.outbox import handlers as outbox
from indigo.outbox.models import Message
from indigo.outbox.services import outbox_put
from indigo.partners.adapters import PartnerError, adapter_for, adapters
from indigo.partners.models import PartnerAttempt, PartnerCall
from indigo.rules.models import Fact
from indigo.rules.services import fact_record

TOPIC = "partners.call"


def _call_key(*, partner: str, application: Application, subject: dict) -> str:
    parts = ",".join(f"{k}={subject[k]}" for k in sorted(subject))
    return f"{partner}:{application.pk}:{parts}"[:200]


def partner_calls_plan(*, application: Application) -> list[PartnerCall]:
    """Ask every partner that has something for this application, once per subject.

    Runs inside the transaction of the change (an event listener); idempotent.
    """
    planned = []
    for adapter in adapters():
        subject = adapter.subject_for(application)
        if not subject:
            continue
        key = _call_key(partner=adapter.name, application=application, subject=subject)
        if PartnerCall.objects.filter(key=key).exists():
            continue
        call = PartnerCall.objects.create(
            partner=adapter.name,
            application=application,
            subject=subject,
            key=key,
            facts=list(adapter.facts),
            requested_at=clock.now(),
        )
        event_record(
            application=application,
            actor=None,
            action=EventKind.PARTNER_ASKED,
            payload={
                "partner": adapter.name,
                "request_id": str(call.request_id),
                "facts": list(adapter.facts),
            },
        )
        outbox_put(
            topic=TOPIC,
            key=f"{TOPIC}:{call.request_id}",
            payload={"request_id": str(call.request_id)},
            application=application,
            max_attempts=settings.INDIGO_PARTNER_MAX_ATTEMPTS,
        )
        planned.append(call)
    return planned


@outbox.handler(TOPIC)
def partner_call_deliver(message: Message) -> str:
    return partner_call_run(request_id=message.payload["request_id"])


def partner_call_run(*, request_id: str) -> str:
    """Ask the partner now (outside any transaction); raises PartnerError to retry."""
    call = PartnerCall.objects.select_related("application__product").get(request_id=request_id)
    if call.state == PartnerCall.State.ANSWERED:
        return "already answered"
    adapter = adapter_for(call.partner)
    started, clock_start = clock.now(), time.monotonic()
    try:
        answer = adapter.ask(
            application=call.application, subject=call.subject, request_id=str(call.request_id)
        )
    except PartnerError as exc:
        _attempt_failed(call=call, started=started, since=clock_start, error=exc)
        raise
    return _answer_record(call=call, answer=answer, started=started, since=clock_start)


def _duration_ms(since: float) -> int:
    return max(int((time.monotonic() - since) * 1000), 0)


def _attempt_failed(*, call: PartnerCall, started, since: float, error: PartnerError) -> None:
    with transaction.atomic():
        call = PartnerCall.objects.select_for_update().get(pk=call.pk)
        PartnerAttempt.objects.create(
            call=call,
            partner=call.partner,
            started_at=started,
            duration_ms=_duration_ms(since),
            outcome=error.outcome,
            error=str(error)[:2000],
        )
        call.attempts += 1
        call.last_error = f"{error.outcome}: {error}"[:2000]
        call.save(update_fields=["attempts", "last_error"])


def _answer_record(*, call: PartnerCall, answer, started, since: float) -> str:
    adapter = adapter_for(call.partner)
    with transaction.atomic():
        call = PartnerCall.objects.select_for_update().get(pk=call.pk)
        if call.state == PartnerCall.State.ANSWERED:
            return "already answered"
        detail = f"{answer.source_detail or adapter.label}; request {call.request_id}"
        filled = {}
        for name, value in answer.facts.items():
            if name not in adapter.facts and name not in adapter.confirms:
                continue  # an adapter fills only what it declares
            fact = fact_record(
                actor=None,
                application=call.application,
                name=name,
                value=value,
                source=Fact.Source.PARTNER,
                source_detail=detail[:200],
            )
            filled[name] = fact.value
        PartnerAttempt.objects.create(
            call=call,
            partner=call.partner,
            started_at=started,
            duration_ms=_duration_ms(since),
            outcome=PartnerAttempt.Outcome.ANSWERED,
        )
        call.attempts += 1
        call.state = PartnerCall.State.ANSWERED
        call.answered_at = clock.now()
        call.answer = filled
        call.last_error = ""
        call.save(update_fields=["attempts", "state", "answered_at", "answer", "last_error"])
        event_record(
            application=call.application,
            actor=None,
            action=EventKind.PARTNER_ANSWERED,
            payload={
                "partner": call.partner,
                "request_id": str(call.request_id),
                "facts": sorted(filled),
            },
        )
    return f"answered: {', '.join(sorted(filled)) or 'nothing registered'}"


# --- what partners report to Indigo ----------------------------------------------------

REPORTS = {
    "municipal-registration": "the applicant registered with a municipality (BRP)",
    "border-arrival": "the applicant arrived at the border (KMar)",
    "mvv-issued": "the embassy issued the entry visa (mvv)",
}


class ReportedPersonNotFound(LookupError):
    pass


def partner_report_record(
    *,
    actor,
    v_number: str,
    report: str,
    on: date,
    details: str = "",
    address: dict | None = None,
):
    """An authenticated partner agency reports something that happened to the person with
    this V-number: an event on their latest application (a municipal registration also
    records the address as a fact). ReportedPersonNotFound when there is none."""
    if not has_role(actor, Role.PARTNER):
        raise NotAllowed("Only a partner agency may report to Indigo.")
    if report not in REPORTS:
        raise InvalidInput(
            f"Unknown report {report!r}; choose one of: {', '.join(REPORTS)}.", field="report"
        )
    if on > clock.today():
        raise InvalidInput("The day of the report cannot be in the future.", field="on")
    details = (details or "").strip()
    if len(details) > 300:
        raise InvalidInput("The details are too long (300 characters at most).", field="details")
    if address is not None and report != "municipal-registration":
        raise InvalidInput("Only a municipal registration has an address.", field="address")
    application = (
        Application.objects.filter(applicant__v_number=(v_number or "").strip())
        .exclude(applicant__v_number="")
        .order_by("-received_on", "-id")
        .first()
    )
    if application is None:
        raise ReportedPersonNotFound(v_number)
    with transaction.atomic():
        if address is not None:
            fact_record(
                actor=actor,
                application=application,
                name="residential_address",
                value=address,
                source=Fact.Source.PARTNER,
                source_detail=f"BRP (municipal registration reported by {actor.username})",
            )
        return event_record(
            application=application,
            actor=actor,
            action=EventKind.PARTNER_REPORTED,
            effective_on=on,
            payload={
                "report": report,
                "on": on.isoformat(),
                "partner": actor.username,
                "details": details,
            },
        )
