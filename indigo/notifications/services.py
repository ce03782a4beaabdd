"""Telling applicants that there is news: by e-mail, through the outbox, with no case data.

The e-mail is the seed's "secure e-mail": it says only that there is news and links
to the portal, in the applicant's language. No name, no application number, no
product, no decision: an e-mail can be read by others, the portal cannot.

Which events call for an e-mail is `EVENT_KINDS` (`indigo.notifications.events`); the
listener below queues the notification in the event's own transaction, and the
worker sends it after the commit (`indigo.outbox`), trying again when sending fails.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from indigo import clock
from indigo.cases.events import on_event
from indigo.cases.models import Application, ApplicationEvent
from indigo.notifications.events import EVENT_KINDS
from indigo.notifications.models import Notification
from indigo.outbox import handlers
from indigo.outbox.services import outbox_put

EMAIL_TOPIC = "notifications.email"


def portal_url() -> str:
    try:
        path = reverse("portal:home")
    except NoReverseMatch:
        path = "/portal/"
    return f"{settings.INDIGO_PUBLIC_URL}{path}"


def notify_applicant(
    *, application: Application, kind: str, event=None, fresh_event: bool = False
) -> Notification:
    """Queue an e-mail to the applicant; the worker sends it after the commit.

    With `event`, at most one notification per event (repeating the call returns the
    first; `fresh_event`: the event was recorded just now, so there is none to look
    for). An applicant without a portal account or an e-mail address gets none; the
    row records why.
    """
    if kind not in Notification.Kind.values:
        raise ValueError(f"Unknown notification kind {kind!r}.")
    applicant = application.applicant
    user = applicant.user
    reason = ""
    if user is None:
        reason = "no portal account"
    elif not user.email:
        reason = "no e-mail address"
    values = {
        "application": application,
        "kind": kind,
        "recipient": user,
        "language": applicant.language or settings.LANGUAGE_CODE,
        "state": Notification.State.SKIPPED if reason else Notification.State.QUEUED,
        "skipped_reason": reason,
        "created_at": clock.now(),
    }
    # Inside the change's own transaction no savepoint is needed: all or nothing anyway.
    with transaction.atomic(savepoint=False):
        if event is not None and fresh_event:
            notification = Notification.objects.create(event=event, **values)
        elif event is not None:
            notification, created = Notification.objects.get_or_create(event=event, defaults=values)
            if not created:
                return notification
        else:
            notification = Notification.objects.create(**values)
        if not reason:
            outbox_put(
                topic=EMAIL_TOPIC,
                key=f"notification:{notification.pk}",
                payload={"notification": notification.pk},
                application=application,
            )
    return notification


@on_event(*EVENT_KINDS)
def event_notify(event: ApplicationEvent) -> None:
    """An event the applicant should hear about: queue the e-mail with it."""
    notify_applicant(
        application=event.application,
        kind=EVENT_KINDS[event.action],
        event=event,
        fresh_event=True,  # listeners run as the event is recorded
    )


def _message(notification: Notification, address: str) -> EmailMessage:
    with translation.override(notification.language):
        context = {"portal_url": portal_url()}
        subject = render_to_string("notifications/email_subject.txt", context).strip()
        body = render_to_string("notifications/email_body.txt", context).strip() + "\n"
    return EmailMessage(subject=subject, body=body, to=[address])


@handlers.handler(EMAIL_TOPIC)
def notification_send(message) -> str:
    """Send one queued notification (the outbox retries it when this raises)."""
    notification = Notification.objects.select_related("recipient").get(
        pk=message.payload["notification"]
    )
    if notification.state != Notification.State.QUEUED:
        return f"already {notification.state}"
    address = notification.recipient.email if notification.recipient else ""
    if not address:
        notification.state = Notification.State.SKIPPED
        notification.skipped_reason = "no e-mail address"
        notification.save(update_fields=["state", "skipped_reason"])
        return "skipped: no e-mail address"
    _message(notification, address).send()
    notification.state = Notification.State.SENT
    notification.sent_at = clock.now()
    notification.save(update_fields=["state", "sent_at"])
    return "sent"
