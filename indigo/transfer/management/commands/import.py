from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indigo.transfer.importer import import_from
from indigo.transfer.manifest import TransferInvalid
from indigo.transfer.old_system import MappingInvalid, import_old_system
from indigo.transfer.progress import Null


class Command(BaseCommand):
    help = (
        "Import applications from DIR: an Indigo export, or with --mapping the old "
        "system's export. Validated and reported per application; each application "
        "all or nothing; running it again skips what is here (docs/migration.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--mapping", type=Path, help="A mapping file for the old system's export."
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, directory: Path, mapping: Path | None, quiet: bool, **options):
        stream = Null() if quiet else self.stderr
        try:
            if mapping:
                report = import_old_system(directory, mapping=mapping, progress_stream=stream)
            else:
                report = import_from(directory, progress_stream=stream)
        except (TransferInvalid, MappingInvalid) as exc:
            raise CommandError(f"Nothing was imported: {exc}") from None
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError(f"{len(report.refused)} application(s) refused; see above.")
