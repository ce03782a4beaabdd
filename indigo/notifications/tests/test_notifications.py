"""E-mails to applicants: after the commit, in their language, with no case data."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.information_requests import information_request_create
from indigo.cases.models import Applicant
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.notifications import services
from indigo.notifications.models import Notification, SweepMark
from indigo.notifications.services import notifications_sweep, notify_applicant

pytestmark = pytest.mark.usefixtures("catalog")

K = Notification.Kind


@pytest.fixture(autouse=True)
def _monday(settings):
    settings.INDIGO_PUBLIC_URL = "https://mijn.ind.example"
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False) as traveller:
        yield traveller


@pytest.fixture
def person():
    return user_with_role("applicant", email="valentina@example.org")


def apply(person, *, language="en", product="family-partner"):
    application = make_application(
        product=product, actor=person, given_names="Valentina", surname="Restrepo"
    )
    Applicant.objects.filter(pk=application.applicant_id).update(language=language)
    application.applicant.refresh_from_db()
    return application


def send(application, kind=K.RECEIVED, capture=None):
    with capture(execute=True):
        return notify_applicant(application=application, kind=kind)


def test_the_e_mail_holds_only_a_generic_sentence_and_the_portal_link(
    person, django_capture_on_commit_callbacks
):
    application = apply(person)

    send(application, K.DECISION, django_capture_on_commit_callbacks)

    (message,) = mail.outbox
    text = f"{message.subject}\n{message.body}"
    assert message.to == ["valentina@example.org"]
    assert "https://mijn.ind.example/portal/" in text
    applicant = application.applicant
    for secret in (
        applicant.given_names,
        applicant.surname,
        application.reference,
        application.reference.split("-")[-1],
        application.product.name_en,
        application.product.name_nl,
        application.product.code,
        applicant.nationality,
        str(applicant.date_of_birth.year),
        "decision",
        "grant",
        "refus",
    ):
        assert secret.lower() not in text.lower(), secret


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Er is nieuws over uw aanvraag"),
        ("en", "There is news about your application"),
    ],
)
def test_the_e_mail_is_in_the_applicants_language(
    person, django_capture_on_commit_callbacks, language, expected
):
    send(apply(person, language=language), capture=django_capture_on_commit_callbacks)

    assert expected in mail.outbox[0].body
    assert Notification.objects.get().language == language


def test_nothing_is_sent_when_the_change_is_rolled_back(person):
    application = apply(person)

    with pytest.raises(RuntimeError), transaction.atomic():
        notify_applicant(application=application, kind=K.RECEIVED)
        raise RuntimeError("the change failed")

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_the_e_mail_waits_for_the_commit(person, django_capture_on_commit_callbacks):
    application = apply(person)

    with django_capture_on_commit_callbacks() as callbacks:
        notify_applicant(application=application, kind=K.RECEIVED)
        assert mail.outbox == []

    assert len(callbacks) == 1


def test_an_applicant_without_an_e_mail_address_gets_none_and_that_is_recorded(
    django_capture_on_commit_callbacks,
):
    person = user_with_role("applicant", email="")

    send(apply(person), capture=django_capture_on_commit_callbacks)

    assert mail.outbox == []
    notification = Notification.objects.get()
    assert notification.state == Notification.State.SKIPPED
    assert notification.skipped_reason == "no e-mail address"


def test_an_applicant_without_a_portal_account_gets_none(django_capture_on_commit_callbacks):
    application = make_application(product="family-partner")  # filed by a caseworker

    send(application, capture=django_capture_on_commit_callbacks)

    assert Notification.objects.get().skipped_reason == "no portal account"


def test_a_failed_send_is_recorded_and_retried_by_the_command(
    person, django_capture_on_commit_callbacks, monkeypatch, settings
):
    application = apply(person)

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    send(application, capture=django_capture_on_commit_callbacks)
    notification = Notification.objects.get()
    assert notification.state == Notification.State.QUEUED
    assert notification.attempts == 1
    assert "mail server down" in notification.error

    monkeypatch.undo()
    call_command("notifications_send")

    notification.refresh_from_db()
    assert notification.state == Notification.State.SENT
    assert notification.attempts == 2
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_a_notification_is_marked_failed(
    person, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.INDIGO_NOTIFICATION_MAX_ATTEMPTS = 2
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send", lambda *a, **k: (_ for _ in ()).throw(OSError())
    )
    send(apply(person), capture=django_capture_on_commit_callbacks)

    call_command("notifications_send")
    call_command("notifications_send")

    notification = Notification.objects.get()
    assert (notification.state, notification.attempts) == (Notification.State.FAILED, 2)


def test_the_sweep_queues_one_notification_per_event_that_matters(
    person, django_capture_on_commit_callbacks
):
    caseworker = user_with_role("caseworker")
    application = apply(person)
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    information_request_create(
        actor=caseworker,
        application=application,
        what="Your marriage certificate.",
        until=application.received_on + timedelta(days=14),
    )

    with django_capture_on_commit_callbacks(execute=True):
        report = notifications_sweep()

    kinds = sorted(Notification.objects.values_list("kind", flat=True))
    assert kinds == [K.INFORMATION_NEEDED, K.RECEIVED]
    assert report.queued == 2
    assert len(mail.outbox) == 2


def test_the_sweep_is_idempotent(person, django_capture_on_commit_callbacks, _monday):
    apply(person)
    with django_capture_on_commit_callbacks(execute=True):
        notifications_sweep()
    _monday.shift(timedelta(minutes=10))

    with django_capture_on_commit_callbacks(execute=True):
        again = notifications_sweep()

    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    assert again.queued == 0


def test_the_mark_passes_only_events_old_enough_to_be_committed(person, _monday):
    event = apply(person).events.get(action="receive")

    notifications_sweep()
    assert SweepMark.objects.get().last_event_id < event.pk  # recent: read again next time

    _monday.shift(timedelta(minutes=10))
    notifications_sweep()
    assert SweepMark.objects.get().last_event_id == event.pk


def test_the_first_sweep_does_not_announce_old_news(person, _monday):
    apply(person)
    _monday.shift(timedelta(days=3))

    report = notifications_sweep()

    assert report.queued == 0
    assert not Notification.objects.exists()


def test_the_event_hook_and_the_sweep_queue_the_same_event_once(
    person, django_capture_on_commit_callbacks
):
    application = apply(person)
    event = application.events.get(action="receive")

    with django_capture_on_commit_callbacks(execute=True):
        services.event_recorded(event_id=event.pk)
        notifications_sweep()
        services.event_recorded(event_id=event.pk)

    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1
