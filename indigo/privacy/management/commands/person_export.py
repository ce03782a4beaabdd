"""`indigo person_export --applicant ID --out FILE`: a person's data (AVG art. 15)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indigo.audit.tracing import trace_start
from indigo.cases.models import Applicant
from indigo.privacy.export import export_file_name, person_export


class Command(BaseCommand):
    help = "Write everything Indigo holds about one person to a zip file (right of access)."

    def add_arguments(self, parser):
        parser.add_argument("--applicant", type=int, help="The applicant's id.")
        parser.add_argument("--v-number", help="Or the person's V-number.")
        parser.add_argument("--out", help="The zip file to write (default: a name in .).")

    def handle(self, *args, applicant=None, v_number=None, out=None, **options):
        people = Applicant.objects.all()
        if applicant:
            people = people.filter(pk=applicant)
        elif v_number:
            people = people.filter(v_number=v_number)
        else:
            raise CommandError("Give --applicant ID or --v-number NUMBER.")
        person = people.order_by("pk").first()
        if person is None:
            raise CommandError("No such person.")
        with trace_start(operation="command:person_export"):
            content = person_export(actor=None, applicant=person)
        path = Path(out or export_file_name(person))
        path.write_bytes(content)
        self.stdout.write(f"Wrote {path} ({len(content)} bytes).")
