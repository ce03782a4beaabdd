"""E-mails to applicants: through the outbox, after the commit, in their language, with
no case data."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.information_requests import information_request_create
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.decisions.tests.factories import final_decision
from indigo.notifications.models import Notification
from indigo.notifications.services import notify_applicant
from indigo.outbox.models import Message
from indigo.outbox.services import outbox_retry

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


@pytest.fixture
def apply(django_capture_on_commit_callbacks):
    """File an application online and let the worker send what its commit queued."""

    def make(person, *, language="en", product="family-partner"):
        with django_capture_on_commit_callbacks(execute=True):
            return make_application(
                product=product,
                actor=person,
                given_names="Valentina",
                surname="Restrepo",
                language=language,
            )

    return make


def test_the_e_mail_holds_only_a_generic_sentence_and_the_portal_link(person, apply):
    application = apply(person)

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
def test_the_e_mail_is_in_the_applicants_language(person, apply, language, expected):
    apply(person, language=language)

    assert expected in mail.outbox[0].body
    assert Notification.objects.get().language == language


def test_nothing_is_queued_when_the_change_is_rolled_back(person):
    with pytest.raises(RuntimeError), transaction.atomic():
        make_application(product="family-partner", actor=person)
        raise RuntimeError("the change failed")

    assert mail.outbox == []
    assert not Notification.objects.exists()
    assert not Message.objects.exists()


def test_the_e_mail_waits_for_the_commit(person, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        make_application(product="family-partner", actor=person)
        assert mail.outbox == []
        assert Message.objects.get().state == Message.State.PENDING

    assert len(callbacks) == 1


def test_an_applicant_without_an_e_mail_address_gets_none_and_that_is_recorded(apply):
    apply(user_with_role("applicant", email=""))

    assert mail.outbox == []
    notification = Notification.objects.get()
    assert notification.state == Notification.State.SKIPPED
    assert notification.skipped_reason == "no e-mail address"
    assert not Message.objects.exists()


def test_an_applicant_without_a_portal_account_gets_none():
    make_application(product="family-partner")  # filed on paper by a caseworker

    assert Notification.objects.get().skipped_reason == "no portal account"


def test_a_failed_send_waits_and_the_worker_tries_again(
    person, apply, monkeypatch, _monday, deliver_outbox
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    apply(person)
    message = Message.objects.get()
    assert (message.state, message.attempts) == (Message.State.PENDING, 1)
    assert "mail server down" in message.last_error
    assert Notification.objects.get().state == Notification.State.QUEUED

    monkeypatch.undo()
    assert deliver_outbox() == {"delivered": 0, "waiting": 0, "dead": 0}  # not due yet
    _monday.shift(timedelta(seconds=31))
    assert deliver_outbox() == {"delivered": 1, "waiting": 0, "dead": 0}

    message.refresh_from_db()
    assert (message.state, message.attempts) == (Message.State.DELIVERED, 2)
    assert Notification.objects.get().state == Notification.State.SENT
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_message_is_dead_until_a_person_retries_it(
    person, apply, monkeypatch, settings, _monday, deliver_outbox
):
    settings.INDIGO_OUTBOX_MAX_ATTEMPTS = 2
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send", lambda *a, **k: (_ for _ in ()).throw(OSError())
    )
    apply(person)
    _monday.shift(timedelta(minutes=5))
    deliver_outbox()

    message = Message.objects.get()
    assert (message.state, message.attempts) == (Message.State.DEAD, 2)

    monkeypatch.undo()
    outbox_retry(message=message)
    deliver_outbox()
    message.refresh_from_db()
    assert message.state == Message.State.DELIVERED
    assert len(mail.outbox) == 1


def test_only_the_events_that_matter_to_the_applicant_queue_an_e_mail(
    person, apply, django_capture_on_commit_callbacks
):
    caseworker = user_with_role("caseworker")
    application = apply(person)
    with django_capture_on_commit_callbacks(execute=True):
        for action in ("start-intake", "start-assessment"):
            application = application_act(actor=caseworker, application=application, action=action)
        information_request_create(
            actor=caseworker,
            application=application,
            what="Your marriage certificate.",
            until=application.received_on + timedelta(days=14),
        )

    kinds = sorted(Notification.objects.values_list("kind", flat=True))
    assert kinds == [K.INFORMATION_NEEDED, K.RECEIVED]
    assert len(mail.outbox) == 2


def test_one_event_queues_one_notification(person, apply):
    application = apply(person)
    event = application.events.get(action="receive")

    again = notify_applicant(application=application, kind=K.RECEIVED, event=event)

    assert again == Notification.objects.get()
    assert Message.objects.count() == 1


def test_the_decision_e_mail_leaves_once_the_letter_is_in_the_portal(person, apply, deliver_outbox):
    caseworker = user_with_role("caseworker")
    application = apply(person, product="highly-skilled-migrant")
    for action in ("start-intake", "start-assessment", "propose-decision"):
        application.tasks.exclude(code="handle").update(state="done")
        application = application_act(actor=caseworker, application=application, action=action)
    final_decision(application, caseworker)
    application_act(actor=caseworker, application=application, action="notify")
    assert not Notification.objects.filter(kind=K.DECISION).exists()

    deliver_outbox()  # the letter: rendered, stored, sent; the e-mail is queued with it
    deliver_outbox()  # the e-mail

    assert list(Notification.objects.order_by("pk").values_list("kind", "state")) == [
        (K.RECEIVED, "sent"),
        (K.DECISION, "sent"),
    ]
    assert len(mail.outbox) == 2
