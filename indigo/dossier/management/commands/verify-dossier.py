"""`indigo verify-dossier`: every document's file is in the store and matches its SHA-256
(after a restore, or as a periodic check of the document store)."""

import hashlib

from django.core.management.base import BaseCommand, CommandError

from indigo.dossier.models import Document
from indigo.dossier.storage import dossier_storage


class Command(BaseCommand):
    help = "Check every dossier file against the checksum stored with its document."

    def handle(self, *args, **options):
        storage = dossier_storage()
        checked, problems = 0, []
        for document in Document.objects.order_by("pk").iterator(chunk_size=1000):
            if not document.file.name:
                continue  # removed by retention
            digest = hashlib.sha256()
            try:
                with storage.open(document.file.name, "rb") as stored:
                    for chunk in stored.chunks():
                        digest.update(chunk)
            except OSError:
                problems.append(f"document {document.pk}: file {document.file.name} is missing")
                continue
            checked += 1
            if digest.hexdigest() != document.sha256:
                problems.append(f"document {document.pk}: checksum mismatch")
        for problem in problems:
            self.stdout.write(problem)
        if problems:
            raise CommandError(f"{len(problems)} document(s) missing or damaged.")
        self.stdout.write(f"{checked} documents intact.")
