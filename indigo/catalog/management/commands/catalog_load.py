"""`indigo catalog_load [--file PATH] [--dry-run]`: load the product catalog file."""

from pathlib import Path

from django.core.checks import run_checks
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from indigo.catalog.checks import TAG
from indigo.catalog.services import DEFAULT_CATALOG_PATH, catalog_load
from indigo.lawdata.loader import LawDataError


class Command(BaseCommand):
    help = (
        "Load the product catalog (products, law-dated versions, documents, customer "
        "groups) from a YAML file, all or nothing. Loading the same file again changes "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=DEFAULT_CATALOG_PATH,
            help=f"The catalog file (default: {DEFAULT_CATALOG_PATH}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change; save nothing."
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            catalog_load(path=file, stdout=self.stdout, dry_run=dry_run)
        except LawDataError as exc:
            raise CommandError(str(exc)) from exc
        if dry_run:
            return
        # What the catalog still lacks (unverified fees and the like), straight away.
        for message in run_checks(tags=[TAG], databases=[DEFAULT_DB_ALIAS]):
            self.stderr.write(f"{message.id} {message.obj}: {message.msg}")
