"""Satisfied customers and employees: the survey after a decision and the staff pulse.

When the decision letter is in the portal (`letter-sent`), the applicant is invited:
a survey row with a random token (shown on the application page at once) and, three
days later, an e-mail through the outbox that holds only the link (no name, no
reference, no decision). The survey can be answered once, in the
portal (from the application page) or from the link. Staff answer a pulse once a week.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import on_event
from indigo.cases.models import ApplicationEvent
from indigo.errors import Conflict, InvalidInput
from indigo.organisation.selectors import units_of
from indigo.outbox import handlers
from indigo.outbox.services import outbox_put
from indigo.quality.models import StaffPulse, Survey

EMAIL_TOPIC = "quality.survey-email"
MAX_COMMENT = 2000
# The invitation leaves a few days after the letter: first the decision, then the question.
INVITE_AFTER = timedelta(days=3)


@on_event(EventKind.LETTER_SENT)
def survey_invite(event: ApplicationEvent) -> Survey:
    """Invite the applicant once per decision; the e-mail leaves after the commit."""
    application = event.application
    survey, created = Survey.objects.get_or_create(
        event=event,
        defaults={
            "application": application,
            "token": secrets.token_urlsafe(24),
            "language": application.applicant.language or settings.LANGUAGE_CODE,
            "invited_at": clock.now(),
        },
    )
    user = application.applicant.user
    if created and user is not None and user.email:
        message = outbox_put(
            topic=EMAIL_TOPIC,
            key=f"survey:{survey.pk}",
            payload={"survey": survey.pk},
            application=application,
        )
        message.next_attempt_at = clock.now() + INVITE_AFTER
        message.save(update_fields=["next_attempt_at"])
    return survey


def survey_url(survey: Survey) -> str:
    return f"{settings.INDIGO_PUBLIC_URL}{reverse('portal:survey', args=[survey.token])}"


@handlers.handler(EMAIL_TOPIC)
def survey_email_send(message) -> str:
    survey = Survey.objects.select_related("application__applicant__user").get(
        pk=message.payload["survey"]
    )
    user = survey.application.applicant.user
    if survey.answered_at or user is None or not user.email:
        return "not needed"
    with translation.override(survey.language):
        context = {"survey_url": survey_url(survey)}
        subject = render_to_string("quality/survey_email_subject.txt", context).strip()
        body = render_to_string("quality/survey_email_body.txt", context).strip() + "\n"
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
    return "sent"


def _score(value) -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise InvalidInput(_("Choose a score from 1 to 5."), field="score")
    return score


def _comment(value) -> str:
    comment = (value or "").strip()
    if len(comment) > MAX_COMMENT:
        raise InvalidInput(
            _("Keep the comment under %(n)d characters.") % {"n": MAX_COMMENT}, field="comment"
        )
    return comment


def survey_answer(*, token: str, score, comment: str = "") -> Survey:
    """Record the answer; a second answer is refused (Conflict), nothing changes."""
    score, comment = _score(score), _comment(comment)
    with transaction.atomic():
        survey = Survey.objects.select_for_update().filter(token=token).first()
        if survey is None:
            raise InvalidInput(_("This survey link is not valid."), field="token")
        if survey.answered_at is not None:
            raise Conflict(
                _("You have already answered this survey. Thank you!"), code="already-answered"
            )
        survey.score, survey.comment = score, comment
        survey.answered_at, survey.answered_on = clock.now(), clock.today()
        survey.save(update_fields=["score", "comment", "answered_at", "answered_on"])
    return survey


def pulse_week():
    today = clock.today()
    return today - timedelta(days=today.weekday())


def pulse_answer(*, actor, score, comment: str = "") -> StaffPulse:
    """This week's pulse of `actor`; a second answer in the same week is refused."""
    score, comment = _score(score), _comment(comment)
    week = pulse_week()
    units = units_of(user=actor, on=clock.today())
    with transaction.atomic():
        if StaffPulse.objects.filter(user=actor, week=week).exists():
            raise Conflict(
                _("You have already answered the pulse this week. Thank you!"),
                code="already-answered",
            )
        return StaffPulse.objects.create(
            user=actor,
            week=week,
            unit=units[0].code if units else "",
            score=score,
            comment=comment,
            answered_at=clock.now(),
        )
