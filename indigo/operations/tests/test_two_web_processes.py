"""Stateless web processes: two gunicorn servers on two ports share the work through the
database — every application handed out once, none twice — and two workers deliver
every message the requests put in the outbox, none lost and none twice."""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from rest_framework.authtoken.models import Token

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import Application
from indigo.cases.tests.factories import make_application
from indigo.notifications.models import Notification
from indigo.outbox.models import Message
from indigo.work.models import Task

pytestmark = pytest.mark.django_db(transaction=True)

APPLICATIONS = 24
CASEWORKERS = 6
FILED_ONLINE = 10
ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def environment(tmp_path):
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "INDIGO_SECRET_KEY": settings.SECRET_KEY,
        "INDIGO_HTTPS": "0",  # plain http on a local port
        "INDIGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "INDIGO_EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "INDIGO_VAR_DIR": str(tmp_path / "var"),
        "PYTHONPATH": str(ROOT),
    }


@pytest.fixture
def servers(environment):
    """Two gunicorn servers, each with two processes, on two ports."""
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env={
                **environment,
                "INDIGO_BIND": f"127.0.0.1:{port}",
                "INDIGO_WEB_PROCESSES": "2",
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_until_live(port)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def wait_until_live(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if request(port, "GET", "/health/live").status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"gunicorn on port {port} did not start")


def request(port, method, path, *, headers=None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.data = response.read()
        return response
    finally:
        conn.close()


def session_cookie(user) -> str:
    """A session in the database: valid on every web process, as a load balancer needs."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def test_two_servers_hand_out_each_application_once(servers):
    unit = make_unit("eco", processes=["regular-economic"])
    registrar = user_with_role("caseworker", units=[unit])
    for _ in range(APPLICATIONS):
        make_application(product="highly-skilled-migrant", actor=registrar)
    caseworkers = [user_with_role("caseworker", units=[unit]) for _ in range(CASEWORKERS)]
    handed_out: list[str] = []
    lock = threading.Lock()

    def work(index: int, user) -> None:
        cookie = f"sessionid={session_cookie(user)}; csrftoken={'x' * 32}"
        headers = {"Cookie": cookie, "X-CSRFToken": "x" * 32}
        for turn in range(APPLICATIONS):
            port = servers[(index + turn) % 2]  # alternate, as a load balancer would
            response = request(port, "POST", "/work/next", headers=headers)
            location = response.getheader("Location") or ""
            if "/staff/applications/" not in location:
                return  # nothing left in the queue
            with lock:
                handed_out.append(location.rsplit("/", 1)[-1])

    threads = [threading.Thread(target=work, args=pair) for pair in enumerate(caseworkers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert len(handed_out) == APPLICATIONS
    assert sorted(handed_out) == sorted(Application.objects.values_list("reference", flat=True))
    owners = Task.objects.filter(code="handle", assignee__isnull=False)
    assert owners.count() == APPLICATIONS


def test_two_workers_deliver_every_message_once(servers, environment, tmp_path):
    applicants = [
        user_with_role("applicant", email=f"a{n}@example.org") for n in range(FILED_ONLINE)
    ]
    tokens = [Token.objects.create(user=user).key for user in applicants]
    body = (
        # Without a fee: online, a fee is paid in the portal before sending (issue 9).
        '{"product": "permanent-residence-eu", "applicant": {"given_names": "Ana", '
        '"surname": "Lima", '
        '"date_of_birth": "1990-01-01", "nationality": "BRA"}}'
    )
    for number, token in enumerate(tokens):
        response = request(
            servers[number % 2],
            "POST",
            "/api/v1/applications",
            headers={"Authorization": f"Token {token}", "Content-Type": "application/json"},
            body=body,
        )
        assert response.status == 201, response.data
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "indigo", "worker", "--interval", "0.2"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if not Message.objects.exclude(state=Message.State.DELIVERED).exists():
                break
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.terminate()
            worker.wait(timeout=30)

    assert Message.objects.filter(state=Message.State.DELIVERED).count() == FILED_ONLINE
    assert set(Message.objects.values_list("attempts", flat=True)) == {1}
    assert Notification.objects.filter(state=Notification.State.SENT).count() == FILED_ONLINE
    # The file backend appends messages to one file per connection and second, and two
    # connections may share a name; count the messages, not the files.
    mails = [path.read_text() for path in (tmp_path / "mail").iterdir()]
    assert sum(text.count("\nSubject: ") for text in mails) == FILED_ONLINE
