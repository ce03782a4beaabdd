"""Which application events matter to the applicant, and so send an e-mail."""

from indigo.cases.event_kinds import EventKind
from indigo.notifications.models import Notification

K = Notification.Kind

EVENT_KINDS: dict[EventKind, str] = {
    EventKind.RECEIVED: K.RECEIVED,
    EventKind.INFORMATION_REQUESTED: K.INFORMATION_NEEDED,
    EventKind.APPOINTMENT_BOOKED: K.APPOINTMENT,
    EventKind.APPOINTMENT_MOVED: K.APPOINTMENT,
    EventKind.APPOINTMENT_CANCELLED: K.APPOINTMENT,
    # The decision e-mail goes when the letter is in the portal, not before.
    EventKind.LETTER_SENT: K.DECISION,
}
