"""`indigo parameters_load [--file PATH] [--dry-run]`: load the rule parameters file."""

from pathlib import Path

from django.core.checks import run_checks
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from indigo.lawdata.loader import LawDataError
from indigo.rules.checks import TAG
from indigo.rules.services import DEFAULT_PARAMETERS_PATH, parameters_load


class Command(BaseCommand):
    help = (
        "Load the rule parameters (thresholds, ages, amounts by valid_from, each with its "
        "source) from a YAML file, all or nothing. Loading the same file again changes "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=DEFAULT_PARAMETERS_PATH,
            help=f"The parameter file (default: {DEFAULT_PARAMETERS_PATH}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change; save nothing."
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            parameters_load(path=file, stdout=self.stdout, dry_run=dry_run)
        except LawDataError as exc:
            raise CommandError(str(exc)) from exc
        if dry_run:
            return
        # What the parameters still lack (unverified, missing figures), straight away.
        for message in run_checks(tags=[TAG], databases=[DEFAULT_DB_ALIAS]):
            self.stderr.write(f"{message.id} {message.obj}: {message.msg}")
