from django.core.management.base import BaseCommand

from indigo.misuse.services import signals_sweep


class Command(BaseCommand):
    help = (
        "Run the misuse detectors over all active applications and route each new signal "
        "to an integrity review. Safe to run again: nothing is raised twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, batch_size: int, **options):
        def progress(done: int, total: int, raised: int) -> None:
            self.stdout.write(f"Applications checked: {done}/{total} (signals raised: {raised})")

        raised = signals_sweep(batch_size=batch_size, progress=progress)
        self.stdout.write(self.style.SUCCESS(f"New misuse signals: {raised}"))
