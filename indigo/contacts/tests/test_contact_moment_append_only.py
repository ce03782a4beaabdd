import pytest
from django.db import DatabaseError, transaction

from indigo.cases.models.events import AppendOnlyError
from indigo.cases.tests.factories import make_application
from indigo.contacts.models import ContactMoment
from indigo.contacts.services import contact_log

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def moment(agent):
    application = make_application()
    return contact_log(
        actor=agent,
        applicant=application.applicant,
        channel="phone",
        topic="Address change",
        notes="Asked how to report a new address.",
        applications=[application],
    )


def test_the_database_refuses_to_update_a_contact_moment(moment):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ContactMoment.objects.filter(pk=moment.pk).update(notes="rewritten")

    assert ContactMoment.objects.get(pk=moment.pk).notes == moment.notes


def test_the_database_refuses_to_delete_a_contact_moment(moment):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ContactMoment.objects.filter(pk=moment.pk).delete()

    assert ContactMoment.objects.filter(pk=moment.pk).exists()


def test_a_contact_moment_cannot_be_changed_through_the_model(moment):
    moment.topic = "rewritten"

    with pytest.raises(AppendOnlyError):
        moment.save()
