"""Asking the applicant for what is missing, with a repair period (hersteltermijn).

The request suspends the decision period from the day it is made (Awb 4:15(1)(a)).
The applicant's answer resumes it; so does the end of the repair period when it
passes unused (the daily sweep). The applicant is told in their own language what is
needed and by when.
"""

from datetime import date, timedelta

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.accounts.roles import is_staff_member
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, InformationRequest, Status, Suspension
from indigo.cases.services import application_act
from indigo.errors import Conflict, InvalidInput, NotAllowed, day


def _message(*, application: Application, what: str, until: date) -> tuple[str, str]:
    language = application.applicant.language
    with translation.override(language):
        text = render_to_string(
            "cases/information_request_message.txt",
            {"application": application, "what": what, "until": until},
        )
    return language, text.strip()


def information_request_create(
    *, actor, application: Application, what: str, until: date
) -> InformationRequest:
    """Ask for missing documents or information; suspends the decision period."""
    today = clock.today()
    what = limits.text_check(what, field="what")
    limits.date_check(until, field="until", today=today)
    if not what:
        raise InvalidInput(_("Say in plain words what the applicant must send."), field="what")
    if until <= today:
        raise InvalidInput(
            _(
                "The repair period must end after today (%(today)s); a period in the "
                "past gives the applicant no time."
            )
            % {"today": day(today)},
            field="until",
        )
    with transaction.atomic():
        application = application_act(
            actor=actor,
            application=application,
            action="suspend",
            reason=what,
            until=until,
            suspension_kind=Suspension.Kind.REPAIR,
        )
        language, message = _message(application=application, what=what, until=until)
        request = InformationRequest.objects.create(
            application=application,
            suspension=application.suspensions.get(end__isnull=True),
            what=what,
            until=until,
            language=language,
            message=message,
            requested_by=actor,
            requested_at=clock.now(),
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.INFORMATION_REQUESTED,
            reason=what,
            payload={"request": request.pk, "until": until.isoformat(), "language": language},
        )
    return request


def information_request_answer(*, actor, request: InformationRequest, answer: str):
    """The applicant (or staff, for a reply on paper) supplies what was asked."""
    answer = limits.text_check(answer, field="answer")
    if not answer:
        raise InvalidInput(_("Write what you are sending, or attach it."), field="answer")
    own = request.application.applicant.user_id == getattr(actor, "pk", None)
    if not (own or is_staff_member(actor)):
        raise NotAllowed(_("Only the applicant or staff can answer this request."))
    with transaction.atomic():
        request = InformationRequest.objects.select_for_update().get(pk=request.pk)
        if not request.is_open:
            raise Conflict(_("This request is already answered or its period has ended."))
        request.answered_at = clock.now()
        request.answered_by = actor
        request.answer = answer
        request.save(update_fields=["answered_at", "answered_by", "answer"])
        event_record(
            application=request.application,
            actor=actor,
            action=EventKind.INFORMATION_ANSWERED,
            reason=answer,
            payload={"request": request.pk},
        )
        if request.application.status == Status.SUSPENDED:
            application_act(
                actor=actor,
                application=request.application,
                action="resume",
                reason="the applicant answered",
                trusted=True,
            )
    return request


def information_requests_expire(*, today: date | None = None) -> int:
    """End the repair periods that passed unused; the decision period runs again from the
    day after the last day of the period. Idempotent."""
    today = today or clock.today()
    system = AnonymousUser()
    expired = 0
    for request in InformationRequest.objects.filter(
        answered_at__isnull=True, expired_on__isnull=True, until__lt=today
    ).select_related("application"):
        with transaction.atomic():
            resumes_on = request.until + timedelta(days=1)
            request.expired_on = resumes_on
            request.save(update_fields=["expired_on"])
            if request.application.status == Status.SUSPENDED:
                application_act(
                    actor=system,
                    application=request.application,
                    action="resume",
                    reason="the repair period ended without an answer",
                    on=resumes_on,
                    trusted=True,
                )
            expired += 1
    return expired
