"""`indigo retention --dry-run | --apply`: anonymise what has passed its retention period."""

from django.core.management.base import BaseCommand, CommandError

from indigo.audit.tracing import trace_start
from indigo.privacy.retention import retention_rules, retention_run


class Command(BaseCommand):
    help = "Anonymise persons whose applications all passed their retention period."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--dry-run", action="store_true", help="Only say what would be done.")
        mode.add_argument("--apply", action="store_true", help="Do it, and log it.")

    def handle(self, *args, apply=False, dry_run=False, **options):
        rules = retention_rules()
        if not rules["verified"]:
            self.stderr.write(
                "Warning: the retention periods are placeholders (source: "
                f"{rules['source']}); see indigo/privacy/data/retention.yaml."
            )
        with trace_start(operation="command:retention") as trace:
            lines = retention_run(apply=apply)
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(
            f"{len(lines)} person(s) {'anonymised' if apply else 'due'} (trace {trace.trace_id})."
        )
        if apply and dry_run:
            raise CommandError("Choose --dry-run or --apply.")
