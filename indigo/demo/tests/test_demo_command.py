import io
import sys

import pytest
from django.core.management import call_command

from indigo.cases.models import Application
from indigo.demo.management.commands import demo as demo_command
from indigo.demo.users import DEMO_LOGINS

pytestmark = pytest.mark.usefixtures("catalog")


def test_demo_without_serving_loads_the_data_and_prints_the_logins(mail_dir):
    out = io.StringIO()

    call_command("demo", "--no-serve", "--count", "20", stdout=out)

    text = out.getvalue()
    for login in DEMO_LOGINS:
        assert login.username in text
        assert login.password in text
    assert "Loading demo applications: 20/20" in text
    assert Application.objects.count() == 20 + 3 + 1  # and the partners showcase
    # The e-mails to the student (who has a portal account) left, as files.
    mails = [path.read_text() for path in mail_dir.iterdir()]
    assert mails and all("To: applicant@demo.indigo.invalid" in mail for mail in mails)


def test_demo_serves_on_localhost_8000_without_the_reloader(monkeypatch):
    served = []
    real_call_command = demo_command.call_command

    def call_command_except_runserver(name, *args, **kwargs):
        if name == "runserver":
            served.append((args, kwargs))
            return None
        return real_call_command(name, *args, **kwargs)

    monkeypatch.setattr(demo_command, "call_command", call_command_except_runserver)
    started = []

    class Worker:  # the worker process beside the server, not started for real here
        pid = 1

        def __init__(self, argv, env):
            started.append((argv, env["INDIGO_EMAIL_BACKEND"]))

        def terminate(self):
            started.append("terminated")

        def wait(self, timeout):
            return 0

    monkeypatch.setattr(demo_command.subprocess, "Popen", Worker)

    call_command("demo", "--count", "0", stdout=io.StringIO())

    assert served == [(("127.0.0.1:8000",), {"use_reloader": False})]
    assert started == [
        (
            [sys.executable, "-m", "indigo", "worker"],
            "django.core.mail.backends.filebased.EmailBackend",
        ),
        "terminated",
    ]
