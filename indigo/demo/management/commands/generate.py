"""`indigo generate --applications N`: a made-up national-scale workload (see
`indigo.demo.national`). Reruns top up to N; the same seed gives the same data."""

import sys
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from indigo.catalog.models import ProductVersion
from indigo.catalog.services import catalog_load
from indigo.demo.national import GenerateError, generate


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--until must be a date like 2026-12-31, not {text!r}.") from None


class Command(BaseCommand):
    help = (
        "Generate N made-up applications with their whole history (events, tasks, "
        "documents' metadata, suspensions, decisions, objections) for benchmarks and "
        "demonstrations. Only into a database of its own (see --force)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, required=True, help="How many in all.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data (1).")
        parser.add_argument("--years", type=int, default=3, help="Receipt dates over (3) years.")
        parser.add_argument("--until", type=_day, help="The last receipt day (today).")
        parser.add_argument("--staff", type=int, help="Employees (N/200, 20 to 3,000).")
        parser.add_argument("--chunk", type=int, default=5_000, help="Per transaction (5,000).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also into a database that holds other applications (e.g. the demo's).",
        )

    def handle(self, *args, applications, seed, years, until, staff, chunk, force, **options):
        if not ProductVersion.objects.exists():
            catalog_load()
        began = time.monotonic()
        interactive = sys.stderr.isatty()

        def progress(done: int, total: int) -> None:
            elapsed = time.monotonic() - began
            line = f"{done:,}/{total:,} applications ({100 * done // total}%), {elapsed:,.0f} s"
            if interactive:
                sys.stderr.write("\r" + line)
            else:
                self.stderr.write(line)

        try:
            report = generate(
                applications=applications,
                seed=seed,
                years=years,
                until=until,
                staff=staff,
                chunk=chunk,
                force=force,
                progress=progress,
            )
        except GenerateError as error:
            raise CommandError(str(error)) from None
        if interactive:
            sys.stderr.write("\n")
        if report.resumed_from:
            self.stdout.write(f"Found {report.resumed_from:,} generated applications already.")
        rate = report.applications / report.seconds if report.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {report.applications:,} applications ({report.rows:,} rows) in "
                f"{report.seconds:,.1f} s ({rate:,.0f} applications/s)."
            )
        )
