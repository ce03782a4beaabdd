import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from indigo.audit.chain import ChainHead
from indigo.audit.models import AccessTrace, ProcessingRecord
from indigo.audit.services import processing_record
from indigo.audit.tests.tampering import triggers_off
from indigo.audit.verify import audit_verify
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application

pytestmark = pytest.mark.django_db


def broken():
    return {r.table: r.broken for r in audit_verify() if r.broken}


@pytest.fixture
def history(catalog):
    first = make_application()
    second = make_application()
    with transaction.atomic():
        for _ in range(3):
            event_record(
                application=first, actor=None, action=EventKind.FEE_PAID, payload={"payment": "x"}
            )
    processing_record(user=first.events.first().actor, applicant_ids=[first.applicant_id])
    return first, second


def test_untouched_history_verifies_and_each_application_has_its_own_chain(history):
    first, _ = history
    reports = {r.table: r for r in audit_verify()}
    assert not broken()
    assert reports["cases_applicationevent"].chains == 2
    assert reports["cases_applicationevent"].rows == ApplicationEvent.objects.count()
    assert reports["audit_processingrecord"].rows == 1
    events = list(first.events.order_by("id"))
    assert events[0].chain_hash != events[1].chain_hash
    assert ChainHead.objects.get(chain=f"event:{first.pk}").last_hash == events[-1].chain_hash


def test_an_event_changed_behind_the_trigger_is_found_and_named(history):
    first, _ = history
    victim = first.events.order_by("id")[1]
    with triggers_off() as cursor:
        cursor.execute(
            "UPDATE cases_applicationevent SET reason = 'rewritten' WHERE id = %s", [victim.pk]
        )

    found = broken()["cases_applicationevent"]
    assert found.row_id == victim.pk
    assert found.chain == f"event:{first.pk}"
    assert "content does not match" in found.problem


def test_an_event_removed_from_the_middle_breaks_the_link_of_the_next(history):
    first, _ = history
    events = list(first.events.order_by("id"))
    with triggers_off() as cursor:
        cursor.execute("DELETE FROM cases_applicationevent WHERE id = %s", [events[1].pk])

    found = broken()["cases_applicationevent"]
    assert found.row_id == events[2].pk
    assert "does not link" in found.problem


def test_the_last_event_removed_is_found_by_the_chain_head(history):
    first, _ = history
    last = first.events.order_by("id").last()
    with triggers_off() as cursor:
        cursor.execute("DELETE FROM cases_applicationevent WHERE id = %s", [last.pk])

    assert "its head says" in broken()["cases_applicationevent"].problem


def test_an_event_rewritten_with_a_matching_content_hash_still_breaks_its_link(history):
    """Rewriting a row and its content hash (the algorithm is public) moves the break to
    the row's link, where it is found all the same."""
    from indigo.audit.chain import content_hash

    first, _ = history
    victim = list(first.events.order_by("id"))[1]
    victim.reason = "rewritten"
    forged = content_hash(victim.chain_content())
    with triggers_off() as cursor:
        cursor.execute(
            "UPDATE cases_applicationevent SET reason = 'rewritten', content_hash = %s "
            "WHERE id = %s",
            [forged, victim.pk],
        )

    assert broken()["cases_applicationevent"].row_id == victim.pk  # its own link fails


def test_a_processing_line_changed_behind_the_trigger_is_found(history):
    line = ProcessingRecord.objects.get()
    with triggers_off() as cursor:
        cursor.execute(
            "UPDATE audit_processingrecord SET data_subject_id = 'someone-else' WHERE id = %s",
            [line.pk],
        )

    assert broken()["audit_processingrecord"].row_id == line.pk


def test_who_did_it_changed_behind_the_trigger_is_found(history):
    trace = AccessTrace.objects.get()
    with triggers_off() as cursor:
        cursor.execute("UPDATE audit_accesstrace SET user_id = NULL WHERE id = %s", [trace.pk])

    assert broken()["audit_accesstrace"].row_id == trace.pk


def test_verify_audit_command_names_the_first_broken_link(history, capsys):
    call_command("verify-audit")
    assert "intact" in capsys.readouterr().out

    first, _ = history
    victim = first.events.order_by("id")[0]
    with triggers_off() as cursor:
        cursor.execute(
            "UPDATE cases_applicationevent SET to_status = 'closed' WHERE id = %s", [victim.pk]
        )
    with pytest.raises(CommandError, match=f"cases_applicationevent row {victim.pk} "):
        call_command("verify-audit")


@pytest.mark.django_db(transaction=True)
def test_parallel_writers_of_one_chain_never_link_to_the_same_predecessor(catalog):
    application = make_application()
    writers, per_writer = 4, 5
    start = threading.Barrier(writers)
    errors = []

    def write():
        try:
            start.wait()
            for _ in range(per_writer):
                with transaction.atomic():
                    event_record(
                        application=application,
                        actor=None,
                        action=EventKind.FEE_PAID,
                        payload={"payment": "p"},
                    )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert errors == []
    assert application.events.count() >= writers * per_writer
    assert not broken()
