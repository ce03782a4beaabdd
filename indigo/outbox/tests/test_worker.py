"""The worker: periodic jobs on a schedule that is data, each run claimed once."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from indigo.outbox.models import ScheduledJob
from indigo.outbox.schedule import jobs_run_due, schedule_sync

runs: list[str] = []


def count_job() -> str:
    runs.append("count")
    return "counted"


def broken_job() -> str:
    raise RuntimeError("the database of a partner is gone")


@pytest.fixture(autouse=True)
def _schedule(settings):
    runs.clear()
    settings.INDIGO_SCHEDULE = {
        "count": {"function": f"{__name__}.count_job", "every_seconds": 60},
        "broken": {"function": f"{__name__}.broken_job", "every_seconds": 3600},
    }
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False) as traveller:
        yield traveller


@pytest.mark.django_db
def test_a_job_runs_when_due_and_not_again_before_its_interval(_schedule):
    schedule_sync()

    first = jobs_run_due()
    again = jobs_run_due()
    _schedule.shift(timedelta(seconds=60))
    later = jobs_run_due()

    assert [(r.name, r.ok, r.result) for r in first if r.name == "count"] == [
        ("count", True, "counted")
    ]
    assert again == []
    assert [r.name for r in later] == ["count"]
    assert runs == ["count", "count"]


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_does_not_stop_the_others():
    schedule_sync()

    results = {r.name: r for r in jobs_run_due()}

    assert results["count"].ok and not results["broken"].ok
    broken = ScheduledJob.objects.get(name="broken")
    assert broken.last_error == "RuntimeError: the database of a partner is gone"


@pytest.mark.django_db
def test_a_paused_job_does_not_run():
    schedule_sync()
    ScheduledJob.objects.filter(name="count").update(active=False)

    jobs_run_due()

    assert runs == []


@pytest.mark.django_db
def test_a_run_taken_by_another_worker_is_not_run_twice():
    schedule_sync()
    job = ScheduledJob.objects.get(name="count")
    stale = ScheduledJob.objects.get(pk=job.pk)
    ScheduledJob.objects.filter(pk=job.pk).update(next_run_at=job.next_run_at + timedelta(hours=1))

    from indigo.outbox.schedule import _run

    assert _run(stale) is None
    assert runs == []


@pytest.mark.django_db
def test_a_wrong_dotted_path_fails_at_start(settings):
    settings.INDIGO_SCHEDULE = {"typo": {"function": "indigo.nowhere.job", "every_seconds": 1}}

    with pytest.raises(ImportError):
        schedule_sync()


@pytest.mark.django_db
def test_the_worker_command_runs_what_is_due_once():
    out = io.StringIO()

    call_command("worker", "--once", stdout=out)

    assert "count: counted" in out.getvalue()
    assert "broken: RuntimeError" in out.getvalue()
    assert runs == ["count"]
