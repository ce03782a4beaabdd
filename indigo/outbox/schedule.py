"""The worker's periodic jobs, run on a schedule that is data.

`settings.INDIGO_SCHEDULE` names each job, the function that does it (a dotted path,
so this module imports no app) and how often it runs. The worker copies new entries
into `ScheduledJob` rows at start; an administrator may change a job's interval or
pause it there. Each job is idempotent, so running it late or twice does no harm;
several workers never run one job at the same time (the run is claimed first).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils.module_loading import import_string

from indigo import clock
from indigo.outbox.models import ScheduledJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobRun:
    name: str
    ok: bool
    result: str


def schedule_sync() -> list[ScheduledJob]:
    """Make sure every job of the settings has its row (new ones are due at once)."""
    now = clock.now()
    for name, entry in settings.INDIGO_SCHEDULE.items():
        import_string(entry["function"])  # a wrong path fails at start, not at night
        job, created = ScheduledJob.objects.get_or_create(
            name=name,
            defaults={
                "function": entry["function"],
                "every_seconds": entry["every_seconds"],
                "next_run_at": now,
            },
        )
        if not created and job.function != entry["function"]:
            job.function = entry["function"]
            job.save(update_fields=["function"])
    return list(ScheduledJob.objects.all())


def jobs_run_due() -> list[JobRun]:
    """Run every active job that is due; returns what each did."""
    runs = []
    for job in ScheduledJob.objects.filter(active=True, next_run_at__lte=clock.now()):
        run = _run(job)
        if run is not None:
            runs.append(run)
    return runs


def _run(job: ScheduledJob) -> JobRun | None:
    started = clock.now()
    claimed = ScheduledJob.objects.filter(pk=job.pk, next_run_at=job.next_run_at).update(
        next_run_at=started + timedelta(seconds=job.every_seconds), last_started_at=started
    )
    if not claimed:  # another worker took this run
        return None
    try:
        result = str(import_string(job.function)())
    except Exception as exc:
        logger.exception("Scheduled job %s failed", job.name)
        error = f"{type(exc).__name__}: {exc}"[:2000]
        ScheduledJob.objects.filter(pk=job.pk).update(
            last_finished_at=clock.now(), last_error=error
        )
        return JobRun(job.name, False, error)
    ScheduledJob.objects.filter(pk=job.pk).update(
        last_finished_at=clock.now(), last_result=result[:2000], last_error=""
    )
    return JobRun(job.name, True, result)
