"""`indigo generate`: a made-up national workload that follows the lifecycle's rules."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from indigo.audit.verify import audit_verify
from indigo.cases.event_kinds import payload_check
from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Application, ApplicationEvent, Suspension
from indigo.decisions.models import Decision
from indigo.demo.national import GenerateError, catalog_snapshot, generate
from indigo.demo.national.lives import Ids, Life, Rows
from indigo.demo.national.staff import generator_user, staff_ensure
from indigo.dossier.models import Document
from indigo.work.models import Task

UNTIL = date(2026, 6, 1)
pytestmark = pytest.mark.django_db


def _lives(catalog, staff, indexes, *, seed=7, ids=None):
    rows = Rows()
    ids = ids or Ids(dict.fromkeys(rows.tables, 1))
    for index in indexes:
        Life(
            index=index,
            seed=seed,
            catalog=catalog,
            staff=staff,
            generator_id=1,
            until=UNTIL,
            start=UNTIL - timedelta(days=3 * 365),
            ids=ids,
            rows=rows,
        ).run()
    return rows.tables


def test_the_same_seed_gives_the_same_applications_in_any_chunking(catalog):
    snapshot, staff = catalog_snapshot(), staff_ensure(40)
    whole = _lives(snapshot, staff, range(0, 60))
    # A second chunk starts at the ids the database gives it: after the first chunk's.
    ids = Ids(dict.fromkeys(whole, 1))
    first = _lives(snapshot, staff, range(0, 25), ids=ids)
    rest = _lives(snapshot, staff, range(25, 60), ids=Ids(ids.next))
    assert {t: first[t] + rest[t] for t in whole} == whole
    assert _lives(snapshot, staff, range(0, 60), seed=8) != whole


def test_every_history_follows_the_lifecycle_and_ends_in_the_applications_status(catalog):
    report = generate(applications=400, seed=3, years=1, until=UNTIL, chunk=150, staff=40)
    assert report.applications == 400
    assert Application.objects.count() == 400
    statuses = Counter(Application.objects.values_list("status", flat=True))
    # A realistic spread: every phase of the lifecycle is present.
    for status in ("received", "intake", "assessment", "decision", "notified", "closed"):
        assert statuses[status] > 0, statuses
    assert statuses["suspended"] + statuses["objection"] + statuses["withdrawn"] > 0
    history: dict[int, list[ApplicationEvent]] = {}
    for event in ApplicationEvent.objects.order_by("application_id", "occurred_at", "id"):
        payload_check(event.action, event.payload)  # only documented payload fields
        history.setdefault(event.application_id, []).append(event)
    for application in Application.objects.all():
        events = history[application.pk]
        assert events[0].action == "receive"
        status = None
        for event in events:
            if not event.to_status:
                continue
            transition = TRANSITIONS[event.action]
            if status is not None:
                assert status in transition.sources, (application.reference, event.action)
                assert event.from_status == status
            status = event.to_status
            assert event.occurred_at.date() == event.effective_on
        assert status == application.status, application.reference
        assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)
    # Sealed as if every event had been written by the services: the chains verify.
    assert all(report.broken is None for report in audit_verify())


def test_the_rows_around_each_application_agree_with_its_status(catalog):
    generate(applications=300, seed=5, until=UNTIL, staff=40)
    for application in Application.objects.all():
        tasks = Task.objects.filter(application=application)
        open_tasks = tasks.filter(state="open").count()
        if application.status in ("notified", "closed", "withdrawn"):
            assert open_tasks == 0, application.reference
        else:
            assert tasks.filter(code="handle", state="open").count() == 1
        suspensions = Suspension.objects.filter(application=application, end__isnull=True)
        assert suspensions.exists() == (application.status == "suspended")
        if application.status in ("notified", "closed"):
            decision = Decision.objects.filter(application=application).latest("decided_at")
            assert decision.notified_on == application.notified_on
            if decision.outcome == "refuse":
                assert decision.approved_by_id not in (None, decision.decided_by_id)
    assert Document.objects.count() >= Application.objects.count()


def test_a_rerun_tops_up_and_a_database_with_other_applications_is_refused(catalog):
    generate(applications=120, seed=1, until=UNTIL, staff=20)
    report = generate(applications=200, seed=1, until=UNTIL, staff=20)
    assert (report.resumed_from, report.applications) == (120, 80)
    assert Application.objects.filter(created_by=generator_user()).count() == 200
    # An application made by someone else: a real database, not the generator's.
    application = Application.objects.first()
    Application.objects.filter(pk=application.pk).update(created_by=None)
    with pytest.raises(GenerateError, match="did not make"):
        generate(applications=300, until=UNTIL)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--applications", "0"], "between 1 and"),
        (["--applications", "10", "--years", "0"], "--years"),
        (["--applications", "10", "--until", "yesterday"], "--until must be a date"),
        (["--applications", "10", "--chunk", "5"], "--chunk"),
    ],
)
def test_nonsense_arguments_are_refused_with_what_to_do(catalog, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate", *arguments)
    assert not Application.objects.exists()
