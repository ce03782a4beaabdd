"""indigo telephony_import FILE.csv: import a day's export of the telephony system."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indigo.errors import InvalidInput
from indigo.quality.telephony import telephony_import


class Command(BaseCommand):
    help = "Import the telephony system's CSV export (docs/telephony-csv.md)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"There is no file {file}.")
        try:
            report = telephony_import(path.read_bytes())
        except InvalidInput as exc:
            raise CommandError(f"{path}: {exc.message} Nothing was imported.") from None
        self.stdout.write(f"{report.rows} rows of {report.days} day(s) imported from {path.name}.")
