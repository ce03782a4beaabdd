"""`indigo demo`: one command from an empty checkout to a running demo.

Migrates the database, loads the product catalog and the demo data (once), prints the
demo logins, starts the worker (`indigo worker`: letters, e-mails, periodic jobs) and
serves on http://127.0.0.1:8000. The demo's e-mails are written as files to var/mail/.
"""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from indigo.catalog.services import catalog_load
from indigo.demo.loader import DEFAULT_COUNT, DEFAULT_SEED, DemoNotPossible, demo_load
from indigo.demo.users import login_table
from indigo.desks.loader import desks_load
from indigo.lawdata.loader import LawDataError
from indigo.rules.services import parameters_load

ADDRESS = "127.0.0.1:8000"
FILE_EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


class Command(BaseCommand):
    help = (
        "Migrate, load the catalog and synthetic demo data (made-up people only), print "
        "the demo logins and serve on http://127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare everything, but do not serve."
        )
        parser.add_argument(
            "--count",
            type=int,
            default=DEFAULT_COUNT,
            help=f"Number of synthetic applications (default {DEFAULT_COUNT}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help=f"Seed of the random generator; the same seed gives the same data "
            f"(default {DEFAULT_SEED}).",
        )

    def handle(self, *args, **options):
        # The demo's e-mails go to files (var/mail/) unless a backend is configured.
        backend = os.environ.get("INDIGO_EMAIL_BACKEND", FILE_EMAIL_BACKEND)
        with override_settings(EMAIL_BACKEND=backend):
            self._demo(**options)

    def _demo(self, *, no_serve: bool, count: int, seed: int, **options):
        if count < 0:
            raise CommandError("--count cannot be negative.")
        verbosity = options.get("verbosity", 1)
        self._heading("Migrating the database")
        call_command(
            "migrate", interactive=False, verbosity=max(verbosity - 1, 0), stdout=self.stdout
        )
        self.stdout.write("The database schema is up to date.")

        self._heading("Loading the product catalog")
        try:
            report = catalog_load()
        except LawDataError as exc:
            raise CommandError(f"The catalog could not be loaded: {exc}") from exc
        if report.changed:
            self.stdout.write(
                f"Catalog loaded: {len(report.created)} records created, "
                f"{len(report.updated)} updated."
            )
        else:
            self.stdout.write("The catalog is up to date.")
        self._heading("Loading the rule parameters")
        try:
            parameters_load()
        except LawDataError as exc:
            raise CommandError(f"The rule parameters could not be loaded: {exc}") from exc
        self.stdout.write("Rule parameters loaded (law as data, each with its source).")
        self._heading("Loading the service desks")
        try:
            desks_load()
        except LawDataError as exc:
            raise CommandError(f"The service desks could not be loaded: {exc}") from exc
        self.stdout.write("Service desks, opening hours and capacity loaded.")

        self._heading("Loading the demo data")
        try:
            demo_load(seed=seed, count=count, stdout=self.stdout)
        except DemoNotPossible as exc:
            raise CommandError(str(exc)) from exc

        self._heading("Demo logins")
        for line in login_table():
            self.stdout.write("  " + line)
        self.stdout.write(
            self.style.WARNING(
                "\n  These passwords are for this local demo only: they are printed here "
                "and published in the source code."
            )
        )
        if no_serve:
            self.stdout.write(f"\nReady. Serve it with: indigo demo (http://{ADDRESS}/)")
            return
        worker = self._start_worker()
        self.stdout.write(f"\nServing on http://{ADDRESS}/  (stop with Ctrl-C)\n")
        try:
            # Static files come from WhiteNoise's middleware (WHITENOISE_USE_FINDERS),
            # which also works with DEBUG off; no reloader, so data is loaded only once.
            call_command("runserver", ADDRESS, use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)

    def _start_worker(self) -> subprocess.Popen:
        """The worker beside the web server: it renders the letters, sends the e-mails
        (to files in var/mail/) and runs the periodic jobs."""
        environment = {
            "INDIGO_EMAIL_BACKEND": settings.EMAIL_BACKEND,
            # The demo's own key (var/secret_key): the worker is not a development run.
            "INDIGO_SECRET_KEY": settings.SECRET_KEY,
            **os.environ,
        }
        worker = subprocess.Popen([sys.executable, "-m", "indigo", "worker"], env=environment)
        self.stdout.write(
            f"\nThe worker runs beside the web server (process {worker.pid}); e-mails to "
            f"applicants are written to {settings.EMAIL_FILE_PATH}/."
        )
        return worker

    def _heading(self, text: str) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(f"\n{text}"))
