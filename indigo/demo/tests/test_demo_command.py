import io

import pytest
from django.core.management import call_command

from indigo.cases.models import Application
from indigo.demo.management.commands import demo as demo_command
from indigo.demo.users import DEMO_LOGINS

pytestmark = pytest.mark.usefixtures("catalog")


def test_demo_without_serving_loads_the_data_and_prints_the_logins():
    out = io.StringIO()

    call_command("demo", "--no-serve", "--count", "20", stdout=out)

    text = out.getvalue()
    for login in DEMO_LOGINS:
        assert login.username in text
        assert login.password in text
    assert "Loading demo applications: 20/20" in text
    assert Application.objects.count() == 20 + 3


def test_demo_serves_on_localhost_8000_without_the_reloader(monkeypatch):
    served = []
    real_call_command = demo_command.call_command

    def call_command_except_runserver(name, *args, **kwargs):
        if name == "runserver":
            served.append((args, kwargs))
            return None
        return real_call_command(name, *args, **kwargs)

    monkeypatch.setattr(demo_command, "call_command", call_command_except_runserver)

    call_command("demo", "--count", "0", stdout=io.StringIO())

    assert served == [(("127.0.0.1:8000",), {"use_reloader": False})]
