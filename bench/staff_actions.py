"""Time per staff action on the demo data (issue 11, item 8): server time and queries.

    python bench/staff_actions.py [--count 200]

Builds the demo in a fresh SQLite database under a temporary directory (`indigo demo
--no-serve`), logs in as the demo caseworker and times what a person waits for: the
worklist, "Get next", an application page, starting intake and assessment, a task
page, the person view. Prints milliseconds and the number of queries per action;
the goal is under 500 ms each. Uses the test client (no network), so the figures are
the server's own time.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="indigo-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "indigo.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import override_settings

    settings.STORAGES["dossier"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": workdir / "dossier"},
    }
    with open(os.devnull, "w") as quiet:
        call_command("demo", no_serve=True, count=args.count, verbosity=0, stdout=quiet)

    from indigo.cases.models import Application
    from indigo.work.models import Task

    caseworker = get_user_model().objects.get(username="caseworker")
    client = Client()
    client.force_login(caseworker)
    rows: list[tuple[str, float, int, int]] = []

    def timed(label: str, method: str, url: str, data=None):
        reset_queries()
        with override_settings(DEBUG=True):
            start = time.perf_counter()
            response = getattr(client, method)(url, data or {})
            elapsed = (time.perf_counter() - start) * 1000
            queries = len(connection.queries)
        rows.append((label, elapsed, queries, response.status_code))
        return response

    timed("worklist", "get", "/work/")
    timed("get next", "post", "/work/next")
    application = (
        Application.objects.filter(tasks__assignee=caseworker, status="received").first()
        or Application.objects.filter(tasks__assignee=caseworker).first()
    )
    if application is not None:
        base = f"/staff/applications/{application.reference}"
        timed("application page", "get", base)
        timed("start intake", "post", f"{base}/actions", {"action": "start-intake"})
        timed("start assessment", "post", f"{base}/actions", {"action": "start-assessment"})
        timed("application page (assessment)", "get", base)
        task = Task.objects.filter(application=application).exclude(code="handle").first()
        if task is not None:
            timed("task page", "get", f"/work/tasks/{task.pk}")
        timed(
            "person view",
            "get",
            f"/contacts/persons/{application.applicant_id}",
        )
    timed("application list", "get", "/staff/applications")

    width = max(len(r[0]) for r in rows)
    print(f"{'action':<{width}}  {'ms':>8}  {'queries':>7}  status")
    for label, ms, queries, status in rows:
        flag = "" if ms < 500 else "  > 500 ms"
        print(f"{label:<{width}}  {ms:8.1f}  {queries:7d}  {status}{flag}")


if __name__ == "__main__":
    main()
