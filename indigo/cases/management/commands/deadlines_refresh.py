from django.core.management.base import BaseCommand

from indigo.cases.information_requests import information_requests_expire
from indigo.cases.services import deadlines_refresh


class Command(BaseCommand):
    help = (
        "Daily sweep: end repair periods that passed unused, then recompute the decision "
        "due date of suspended applications. Safe to run more than once a day."
    )

    def handle(self, *args, **options):
        expired = information_requests_expire()
        self.stdout.write(f"Repair periods ended without an answer: {expired}")

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"Suspended applications checked: {done}/{total}")

        changed = deadlines_refresh(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Due dates moved: {changed}"))
