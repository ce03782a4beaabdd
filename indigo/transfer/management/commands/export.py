from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indigo.transfer.exporter import export_to
from indigo.transfer.progress import Null


class Command(BaseCommand):
    help = (
        "Export every application with its applicant, events, tasks, decisions and "
        "documents to DIR (JSON Lines, the files, and a manifest with SHA-256; "
        "docs/migration.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, directory: Path, quiet: bool = False, **options):
        try:
            count = export_to(directory, progress_stream=Null() if quiet else self.stderr)
        except FileExistsError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Exported {count} applications to {directory}.")
