from django.core.management.base import BaseCommand

from indigo.cases.jobs import deadlines_daily


class Command(BaseCommand):
    help = (
        "End repair periods that passed unused, then recompute the decision due date of "
        "suspended applications. The worker runs this on its schedule; safe to run again."
    )

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            self.stdout.write(f"Suspended applications checked: {done}/{total}")

        result = deadlines_daily(progress=progress)
        self.stdout.write(
            f"Repair periods ended without an answer: {result['repair_periods_ended']}"
        )
        self.stdout.write(self.style.SUCCESS(f"Due dates moved: {result['due_dates_moved']}"))
