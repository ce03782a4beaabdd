"""`indigo notifications_sweep`: queue and send an e-mail for every new application
event that matters to the applicant (received, information needed, appointment,
decision). Idempotent: one notification per event, however often it runs."""

from django.core.management.base import BaseCommand

from indigo.notifications.services import notifications_sweep


class Command(BaseCommand):
    help = "Queue notifications for new application events (idempotent) and send them."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        report = notifications_sweep(batch_size=batch_size)
        kinds = ", ".join(f"{k}: {n}" for k, n in sorted(report.kinds.items())) or "none"
        self.stdout.write(
            f"Read {report.scanned} events; queued {report.queued} e-mails, {report.skipped} "
            f"not sent (no portal account or e-mail address), {report.already} were queued "
            f"before. Kinds: {kinds}. Read up to event {report.mark}."
        )
