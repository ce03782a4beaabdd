"""`indigo desks_load [--file PATH] [--dry-run]`: load the desks configuration file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indigo.desks.loader import DEFAULT_DESKS_PATH, desks_load
from indigo.lawdata.loader import LawDataError


class Command(BaseCommand):
    help = (
        "Load the service desks (appointment types, desks, opening hours, capacity, "
        "closed days) from a YAML file, all or nothing. Loading the same file again "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=DEFAULT_DESKS_PATH,
            help=f"The desks file (default: {DEFAULT_DESKS_PATH}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change; save nothing."
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            desks_load(path=file, stdout=self.stdout, dry_run=dry_run)
        except LawDataError as exc:
            raise CommandError(str(exc)) from exc
