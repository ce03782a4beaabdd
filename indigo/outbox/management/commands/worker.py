"""`indigo worker`: deliver the outbox, run django-tasks' queued tasks and the
periodic jobs (see `indigo.outbox.schedule`). Run one or more beside the web server."""

import os
import signal
import socket
import time

from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from indigo.outbox.schedule import jobs_run_due, schedule_sync


class Command(BaseCommand):
    help = (
        "Deliver what leaves Indigo (e-mails, letters, partner calls) and run the "
        "periodic jobs on their schedule. Stop with Ctrl-C or SIGTERM."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Do what is due now, then stop.")
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="Seconds to wait when there is nothing to do (default 2).",
        )

    def handle(self, *args, once: bool, interval: float, **options):
        self.running = True
        if not once:
            signal.signal(signal.SIGTERM, self._stop)
            signal.signal(signal.SIGINT, self._stop)
        jobs = schedule_sync()
        self.stdout.write(
            "Worker started; periodic jobs: "
            + ", ".join(f"{j.name} (every {j.every_seconds} s)" for j in jobs if j.active)
        )
        worker_id = f"{socket.gethostname()}-{os.getpid()}"
        while self.running:
            for run in jobs_run_due():
                style = self.style.SUCCESS if run.ok else self.style.ERROR
                self.stdout.write(style(f"{run.name}: {run.result}"))
            self._run_queued_tasks(worker_id)
            if once:
                break
            time.sleep(interval)
        self.stdout.write("Worker stopped.")

    def _run_queued_tasks(self, worker_id: str) -> None:
        if not isinstance(task_backends["default"], DatabaseBackend):
            return  # another backend runs tasks itself (immediately, in tests)
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run()

    def _stop(self, signum, frame):
        self.running = False
