"""Log in as every role of the demo, follow every link shown, and meet no 403, 404 or
500 (issue 11: menus show only what the role may open).

Links are grouped by their shape (digits and references replaced), and a few of each
shape are followed, so every kind of link each role is shown is opened without
visiting thousands of application pages.
"""

import io
import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, override_settings

from indigo.demo.loader import demo_load
from indigo.demo.tests.conftest import DEMO_DAY
from indigo.demo.users import DEMO_LOGINS

pytestmark = pytest.mark.usefixtures("catalog")
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PER_SHAPE = 2
MAX_PAGES = 120
# Not pages: leaving, the admin's own site, the API (its own tests), static files.
SKIP = re.compile(r"^/(logout|admin/|api/v1/(openapi|redoc)|static/|i18n/)")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and not href.startswith("//"):
                self.links.append(href.split("#")[0])


def _shape(url: str) -> str:
    path, _sep, query = url.partition("?")
    path = re.sub(r"/[A-Z0-9]+-\d+(-\d+)*", "/REF", path)
    path = re.sub(r"\d+", "N", path)
    keys = sorted(k.split("=")[0] for k in query.split("&") if k)
    return path + ("?" + "&".join(keys) if keys else "")


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    storages = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path_factory.mktemp("dossier")},
        },
    }
    with (
        django_db_blocker.unblock(),
        time_machine.travel(DEMO_DAY),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, STORAGES=storages),
        transaction.atomic(),
    ):
        demo_load(count=30, seed=1, stdout=io.StringIO())
        yield storages
        transaction.set_rollback(True)


@pytest.mark.parametrize("username", [login.username for login in DEMO_LOGINS])
def test_every_link_a_role_is_shown_opens(_loaded, db, settings, username):
    settings.STORAGES = _loaded  # the dossier files the module's demo load wrote
    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    seen: set[str] = set()
    per_shape: dict[str, int] = defaultdict(int)
    queue = ["/"]
    broken = []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or SKIP.match(url):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.insert(0, response["Location"])
            continue
        if response.status_code >= 400:
            broken.append((url, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for link in parser.links:
            shape = _shape(link)
            if link not in seen and per_shape[shape] < PER_SHAPE:
                per_shape[shape] += 1
                queue.append(link)

    assert broken == [], f"{username} was shown links that fail: {broken}"
    assert len(seen) > 1
