"""The complaint's letters (receipt, Awb 9:6; answer, Awb 9:12) leave through the
outbox: an e-mail when there is an address, otherwise a letter to post by hand."""

from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from indigo.outbox import handlers

LETTER_TOPIC = "complaints.letter"


@handlers.handler(LETTER_TOPIC)
def complaint_letter_send(message) -> str:
    from indigo.complaints.models import Complaint

    complaint = Complaint.objects.get(pk=message.payload["complaint"])
    kind = message.payload["kind"]
    if not complaint.email:
        return "to post: no e-mail address"
    with translation.override(complaint.language):
        if kind == "acknowledgement":
            subject = _("We received your complaint %(number)s") % {"number": complaint.number}
            body = _(
                "We received your complaint on %(received)s. Its number is %(number)s. We "
                "will answer you no later than %(due)s. We will ask whether you want to "
                "explain your complaint in a conversation."
            ) % {
                "received": date_format(complaint.received_on, "j F Y"),
                "number": complaint.number,
                "due": date_format(complaint.answer_due, "j F Y"),
            }
        else:
            subject = _("Our answer to your complaint %(number)s") % {"number": complaint.number}
            body = complaint.answer
    EmailMessage(subject=subject, body=body + "\n", to=[complaint.email]).send()
    return f"sent {kind}"
