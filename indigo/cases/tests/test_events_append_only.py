import pytest
from django.db import DatabaseError, connection, transaction

from indigo import append_only
from indigo.accounts.tests.factories import user_with_role
from indigo.cases.models import ApplicationEvent
from indigo.cases.models.events import AppendOnlyError
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture
def event():
    # An event nothing else refers to (the receipt has its notification row).
    actor = user_with_role("caseworker")
    application = application_act(
        actor=actor, application=make_application(actor=actor), action="start-intake"
    )
    return ApplicationEvent.objects.get(application=application, action="start-intake")


def test_an_event_cannot_be_changed_through_the_model(event):
    event.reason = "rewritten"

    with pytest.raises(AppendOnlyError):
        event.save()


def test_an_event_cannot_be_deleted_through_the_model(event):
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_the_database_refuses_a_bulk_update_of_events(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ApplicationEvent.objects.filter(pk=event.pk).update(reason="rewritten")

    assert ApplicationEvent.objects.get(pk=event.pk).reason == event.reason


def test_the_database_refuses_a_bulk_delete_of_events(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ApplicationEvent.objects.filter(pk=event.pk).delete()

    assert ApplicationEvent.objects.filter(pk=event.pk).exists()


def test_the_database_refuses_raw_sql_that_rewrites_history(event):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE cases_applicationevent SET action = %s WHERE id = %s", ["x", event.pk]
        )


def test_reinstalling_the_triggers_is_harmless_and_keeps_them(event):
    append_only.install_triggers()
    append_only.install_triggers()

    with pytest.raises(DatabaseError), transaction.atomic():
        ApplicationEvent.objects.filter(pk=event.pk).delete()


def test_new_events_can_still_be_appended(event):
    application = event.application
    application_act(
        actor=user_with_role("caseworker"), application=application, action="suspend", reason="x"
    )

    assert list(application.events.values_list("action", flat=True)) == [
        "receive",
        "start-intake",
        "suspend",
    ]


def test_the_admin_offers_no_way_to_change_or_delete_an_event(event, admin_client):
    change = admin_client.get(f"/admin/cases/applicationevent/{event.pk}/change/")
    delete = admin_client.post(f"/admin/cases/applicationevent/{event.pk}/delete/", {"post": "yes"})

    assert change.status_code == 200
    assert b'name="_save"' not in change.content
    assert delete.status_code == 403
    assert ApplicationEvent.objects.filter(pk=event.pk).exists()
