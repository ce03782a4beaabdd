"""Which application events matter to the applicant, and so send an e-mail.

The keys are event actions written by the services of other apps (`cases`, `desks`);
`indigo notifications_sweep` reads new events and queues one notification per
matching event.
"""

from indigo.notifications.models import Notification

K = Notification.Kind

EVENT_KINDS: dict[str, str] = {
    "receive": K.RECEIVED,
    "request-information": K.INFORMATION_NEEDED,
    "appointment-booked": K.APPOINTMENT,
    "appointment-moved": K.APPOINTMENT,
    "appointment-cancelled": K.APPOINTMENT,
    "notify": K.DECISION,
}


def kind_for(action: str) -> str | None:
    return EVENT_KINDS.get(action)
