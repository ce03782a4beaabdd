"""Telling applicants that there is news: by e-mail, after the commit, with no case data.

The e-mail is the seed's "secure e-mail": it says only that there is news and links
to the portal, in the applicant's language. No name, no application number, no
product, no decision: an e-mail can be read by others, the portal cannot.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from indigo import clock
from indigo.cases.models import Application, ApplicationEvent
from indigo.notifications.events import kind_for
from indigo.notifications.models import Notification, SweepMark

logger = logging.getLogger(__name__)

SWEEP = "application-events"
# A transaction still open this long after writing its event is not expected, so the
# sweep's mark may pass events this old (see `notifications_sweep`).
SETTLE = timedelta(minutes=5)
# On the very first sweep, only events of the last day are announced; older news is
# old news.
FIRST_LOOKBACK = timedelta(days=1)


def portal_url() -> str:
    try:
        path = reverse("portal:home")
    except NoReverseMatch:
        path = "/portal/"
    return f"{settings.INDIGO_PUBLIC_URL}{path}"


def notify_applicant(*, application: Application, kind: str, event=None) -> Notification:
    """Queue an e-mail to the applicant; it is sent after the current transaction commits.

    With `event`, at most one notification per event (repeating the call returns the
    first). An applicant without a portal account or an e-mail address gets none; the
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
    with transaction.atomic():
        if event is not None:
            notification, created = Notification.objects.get_or_create(event=event, defaults=values)
            if not created:
                return notification
        else:
            notification = Notification.objects.create(**values)
        if not reason:
            transaction.on_commit(partial(notification_send, notification_id=notification.pk))
    return notification


def _message(notification: Notification, address: str) -> EmailMessage:
    with translation.override(notification.language):
        context = {"portal_url": portal_url()}
        subject = render_to_string("notifications/email_subject.txt", context).strip()
        body = render_to_string("notifications/email_body.txt", context).strip() + "\n"
    return EmailMessage(subject=subject, body=body, to=[address])


def notification_send(*, notification_id: int) -> Notification:
    """Try to send one queued notification. Never raises: a failure is recorded and
    left for `indigo notifications_send` to try again."""
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    if notification.state != Notification.State.QUEUED:
        return notification
    # Claim this attempt; a second sender racing for the same row gets 0 rows here.
    claimed = Notification.objects.filter(
        pk=notification.pk, state=Notification.State.QUEUED, attempts=notification.attempts
    ).update(attempts=F("attempts") + 1)
    if not claimed:
        return notification
    notification.attempts += 1
    address = notification.recipient.email if notification.recipient else ""
    if not address:
        notification.state = Notification.State.SKIPPED
        notification.skipped_reason = "no e-mail address"
        notification.save(update_fields=["state", "skipped_reason"])
        return notification
    try:
        _message(notification, address).send()
    except Exception as exc:
        notification.error = f"{type(exc).__name__}: {exc}"[:1000]
        if notification.attempts >= settings.INDIGO_NOTIFICATION_MAX_ATTEMPTS:
            notification.state = Notification.State.FAILED
        notification.save(update_fields=["error", "state"])
        logger.warning(
            "Notification %s not sent (attempt %s): %s",
            notification.pk,
            notification.attempts,
            type(exc).__name__,
        )
        return notification
    notification.state = Notification.State.SENT
    notification.sent_at = clock.now()
    notification.error = ""
    notification.save(update_fields=["state", "sent_at", "error"])
    return notification


def notifications_send() -> dict[str, int]:
    """Send every notification still waiting (failed attempts included). Idempotent."""
    counts = {"sent": 0, "failed": 0, "skipped": 0, "waiting": 0}
    pending = Notification.objects.filter(state=Notification.State.QUEUED).order_by("pk")
    for pk in list(pending.values_list("pk", flat=True)):
        state = notification_send(notification_id=pk).state
        key = {"sent": "sent", "failed": "failed", "skipped": "skipped"}.get(state, "waiting")
        counts[key] += 1
    return counts


def event_recorded(*, event_id: int) -> Notification | None:
    """The hook for `indigo.cases.events.event_record` (after its commit): queue the
    notification an event calls for, if any. Idempotent with the sweep."""
    event = ApplicationEvent.objects.select_related("application__applicant__user").get(pk=event_id)
    kind = kind_for(event.action)
    if kind is None:
        return None
    try:
        return notify_applicant(application=event.application, kind=kind, event=event)
    except IntegrityError:  # the sweep queued it at the same moment
        return Notification.objects.get(event=event)


@dataclass
class SweepReport:
    scanned: int = 0
    queued: int = 0
    skipped: int = 0
    already: int = 0
    mark: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def _start_mark() -> int:
    before = clock.now() - FIRST_LOOKBACK
    return ApplicationEvent.objects.filter(occurred_at__lt=before).aggregate(m=Max("id"))["m"] or 0


def notifications_sweep(*, batch_size: int = 500) -> SweepReport:
    """Queue a notification for every new event that matters to the applicant.

    Reads the events after the high-water mark, in id order. Ids are handed out when a
    row is written but become visible at commit, so a slow transaction can show an
    older id after a newer one: the mark only passes events older than SETTLE, and
    newer ones are read again next time (harmless: one notification per event).
    """
    now = clock.now()
    mark, _created = SweepMark.objects.get_or_create(
        name=SWEEP, defaults={"last_event_id": _start_mark(), "updated_at": now}
    )
    report = SweepReport(mark=mark.last_event_id)
    after = mark.last_event_id
    new_mark = after
    settled = True
    while True:
        events = list(
            ApplicationEvent.objects.filter(pk__gt=after)
            .select_related("application__applicant__user")
            .order_by("pk")[:batch_size]
        )
        if not events:
            break
        for event in events:
            report.scanned += 1
            after = event.pk
            if settled and event.occurred_at <= now - SETTLE:
                new_mark = event.pk
            else:
                settled = False
            kind = kind_for(event.action)
            if kind is None:
                continue
            if Notification.objects.filter(event=event).exists():
                report.already += 1
                continue
            notification = notify_applicant(application=event.application, kind=kind, event=event)
            if notification.state == Notification.State.SKIPPED:
                report.skipped += 1
            else:
                report.queued += 1
            report.kinds[kind] = report.kinds.get(kind, 0) + 1
    SweepMark.objects.filter(pk=mark.pk).update(last_event_id=new_mark, updated_at=now)
    report.mark = new_mark
    return report
