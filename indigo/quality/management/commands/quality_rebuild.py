"""indigo quality_rebuild: recompute every application fact from the events."""

from django.core.management.base import BaseCommand

from indigo.quality.facts import facts_rebuild


class Command(BaseCommand):
    help = "Recompute the application facts of the quality measures from the event history."

    def handle(self, *args, **options):
        self.stdout.write(f"{facts_rebuild()} applications recomputed.")
