"""The event vocabulary: one enumeration; anything else is refused when written."""

import pytest
from django.db import IntegrityError, transaction

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import PAYLOAD, EventKind, UnknownEventKind
from indigo.cases.events import event_record
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def application():
    return make_application()


def test_a_kind_outside_the_vocabulary_is_refused(application):
    refused = pytest.raises(UnknownEventKind, match="'take-ownrship' is not an event kind")
    with refused, transaction.atomic():
        event_record(application=application, actor=None, action="take-ownrship")

    assert application.events.count() == 1  # only its receipt


def test_a_payload_field_the_vocabulary_does_not_document_is_refused(application):
    with pytest.raises(UnknownEventKind, match="colour"), transaction.atomic():
        event_record(
            application=application,
            actor=user_with_role("caseworker"),
            action=EventKind.TASK_COMPLETED,
            payload={"task": "x", "outcome": "ok", "colour": "blue"},
        )


def test_the_database_refuses_an_unknown_kind_written_past_the_service(application):
    event = application.events.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationEvent.objects.create(
            application=application,
            occurred_at=event.occurred_at,
            effective_on=event.effective_on,
            action="made-up",
        )


def test_every_kind_documents_its_payload():
    assert set(PAYLOAD) == set(EventKind)


def test_the_stored_values_of_the_history_never_change():
    # Events keep these values for ever: renaming one would orphan old history.
    assert {k.value for k in EventKind} >= {
        "receive",
        "start-intake",
        "start-assessment",
        "propose-decision",
        "notify",
        "close",
        "suspend",
        "resume",
        "extend",
        "withdraw",
        "lodge-objection",
        "decide-objection",
        "document-uploaded",
        "take-ownership",
        "assign-task",
        "complete-task",
        "letter-sent",
        "appointment-booked",
    }
