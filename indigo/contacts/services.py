"""Logging a contact with a person (R13): one transaction, an event on every application."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.accounts.roles import is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Applicant, Application
from indigo.contacts.models import Channel, ContactMoment
from indigo.errors import InvalidInput, NotAllowed
from indigo.organisation.permissions import Action, require

TOPIC_MAX_LENGTH = ContactMoment._meta.get_field("topic").max_length


def _ids(applications: Iterable[Application | int | str]) -> set[int]:
    try:
        return {a.pk if isinstance(a, Application) else int(a) for a in applications}
    except (TypeError, ValueError):
        raise InvalidInput(
            _("Choose the applications the contact was about from the list."),
            field="applications",
        ) from None


def contact_log(
    *,
    actor,
    applicant: Applicant,
    channel: str,
    topic: str,
    notes: str,
    applications: Iterable[Application | int | str],
) -> ContactMoment:
    """Log a contact with `applicant` about some of their applications.

    Each application must be the applicant's and visible to the actor; one refusal
    covers both, so the answer never tells whether an invisible application exists.
    The contact shows on the timeline of every application it concerns.
    """
    if not is_staff_member(actor):
        raise NotAllowed(_("Only staff can log a contact."))
    require(actor, Action.CONTACT_LOG)
    if channel not in Channel.values:
        raise InvalidInput(_("Choose how the contact took place."), field="channel")
    topic = " ".join((topic or "").split())
    notes = limits.text_check(notes, field="notes")
    if not topic:
        raise InvalidInput(_("Give the topic of the contact."), field="topic")
    if len(topic) > TOPIC_MAX_LENGTH:
        raise InvalidInput(
            _("Keep the topic to %(max)d characters; put the rest in the notes.")
            % {"max": TOPIC_MAX_LENGTH},
            field="topic",
        )
    if not notes:
        raise InvalidInput(_("Write down what was said."), field="notes")
    ids = _ids(applications)
    if not ids:
        raise InvalidInput(
            _("Choose the applications the contact was about."), field="applications"
        )

    with transaction.atomic():
        concerned = list(
            applications_visible_to(actor).filter(applicant=applicant, pk__in=ids).order_by("pk")
        )
        if len(concerned) != len(ids):
            raise InvalidInput(
                _("Choose only applications of this person that you can see."),
                field="applications",
            )
        moment = ContactMoment.objects.create(
            applicant=applicant,
            channel=channel,
            topic=topic,
            notes=notes,
            logged_by=actor,
            logged_at=clock.now(),
        )
        moment.applications.add(*concerned)
        for application in concerned:
            event_record(
                application=application,
                actor=actor,
                action=EventKind.CONTACT_LOGGED,
                reason=topic,
                payload={"channel": channel, "contact_id": moment.pk},
            )
    return moment
