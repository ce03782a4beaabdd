"""`indigo verify-audit`: walk every hash chain; exit 1 naming the first broken link."""

from django.core.management.base import BaseCommand, CommandError

from indigo.audit.verify import audit_verify


class Command(BaseCommand):
    help = "Check the hash chains of the event history and the processing log."

    def handle(self, *args, **options):
        broken = []
        for report in audit_verify():
            if report.broken:
                broken.append(report.broken)
                self.stdout.write(f"{report.table}: BROKEN at {report.broken}")
            else:
                self.stdout.write(
                    f"{report.table}: {report.rows} rows in {report.chains} chains, intact"
                )
        if broken:
            raise CommandError(f"The audit trail is broken: first at {broken[0]}")
