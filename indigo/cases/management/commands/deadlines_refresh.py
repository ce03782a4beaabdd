from django.core.management.base import BaseCommand

from indigo.cases.services import deadlines_refresh


class Command(BaseCommand):
    help = "Daily sweep: recompute the decision due date of suspended applications."

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            self.stdout.write(f"Suspended applications checked: {done}/{total}")

        changed = deadlines_refresh(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Due dates moved: {changed}"))
