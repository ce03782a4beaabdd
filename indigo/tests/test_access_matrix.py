"""The access matrix: every page and API operation, for every kind of user.

Each route (URL name) is requested by each kind of user in `world.USER_KINDS`, with
GET and with an empty POST, against objects that belong to the first of each pair
(applicant A, sponsor A, the regular unit). A request is *allowed* (200, or a redirect
that is not to a login page) or *denied* (403, 404, 405, or a redirect to a login
page); `access_matrix.EXPECTED` says who is allowed, per route and method, and
anything else fails, as does any 5xx. The test also fails when a URL name or an API
operation exists that the matrix does not list (the URL resolver and the OpenAPI
document are enumerated), so a new page cannot go unchecked.

Two promises ride along on every allowed page: a page that shows a person's name to
someone else wrote a processing-log line about that person in that request's trace
(docs/security.md, "Audit trail"), and a denied answer never shows anyone's name.
"""

import json
import os
import re

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from indigo.audit.models import ProcessingRecord
from indigo.audit.pseudonyms import applicant_pseudonym
from indigo.tests.access_matrix import ADMIN_CHECKED, ASYLUM_EXPECTED, EXPECTED, route_kwargs
from indigo.tests.world import NOW, USER_KINDS, build_world

RECORD = os.environ.get("INDIGO_MATRIX_RECORD")  # a file: write what is observed there


def url_names() -> set[str]:
    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(
                    p.url_patterns, namespace + (f"{p.namespace}:" if p.namespace else "")
                )
            elif isinstance(p, URLPattern) and p.name:
                yield namespace + p.name

    return set(walk(get_resolver().url_patterns))


def api_operations() -> set[tuple[str, str]]:
    """(URL name, METHOD) of every operation in the OpenAPI document."""
    from django.urls import resolve
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = set()
    for path, operations in schema["paths"].items():
        sample = path.replace("{subscription_id}", "00000000-0000-4000-8000-000000000000")
        sample = re.sub(r"\{[a-z_]*id\}", "1", sample)
        if not sample.startswith("/api/"):
            sample = "/api/v1" + sample
        sample = re.sub(r"\{[^}]+\}", "x", sample)
        name = resolve(sample).view_name
        found |= {(name, method.upper()) for method in operations if method != "parameters"}
    return found


def test_every_url_name_is_in_the_matrix():
    names = url_names()
    plain = {n for n in names if not n.startswith("admin:")}
    assert sorted(plain - set(EXPECTED)) == [], "new pages: add them to the access matrix"
    assert sorted(set(EXPECTED) - plain) == [], "gone pages: remove them from the matrix"
    assert names >= ADMIN_CHECKED


def test_every_api_operation_is_in_the_matrix():
    missing = {(n, m) for n, m in api_operations() if m not in EXPECTED.get(n, {})}
    assert sorted(missing) == [], "new API operations: add them to the access matrix"


def _denied(response) -> bool:
    if response.status_code in (401, 403, 404, 405):
        return True
    return response.status_code == 302 and "login" in response.get("Location", "")


def _allowed(response) -> bool:
    return response.status_code == 200 or (
        response.status_code in (301, 302, 303) and "login" not in response.get("Location", "")
    )


@pytest.fixture
def world(catalog, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "dossier"},
        },
    }
    with time_machine.travel(NOW, tick=False):
        yield build_world()


def _trace_id(response) -> str:
    return response.get("traceparent", "--").split("-")[1]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", USER_KINDS)
def test_each_kind_of_user_reaches_exactly_what_the_matrix_allows(world, kind):
    observed, wrong = {}, []
    subjects = world.subjects()
    own_subjects = {
        a.applicant_id
        for a in (world.own, world.other)
        if a.applicant.user_id == getattr(world.users.get(kind), "pk", None)
    }
    # A sponsor's own migrant may show anywhere the sponsor goes (a message after filing).
    sponsors_own = {"sponsor_a": world.sponsored, "sponsor_b": world.sponsored_b}
    mine = {sponsors_own[kind].applicant_id} if kind in sponsors_own else set()
    plain = sorted(n for n in url_names() if not n.startswith("admin:")) if RECORD else EXPECTED
    routes = sorted(plain) + sorted(ADMIN_CHECKED) + sorted(ASYLUM_EXPECTED)
    expected = {**EXPECTED, **ASYLUM_EXPECTED}
    client = Client()  # one client: its handler loads the middleware once
    for method in ("GET", "POST"):  # every GET before any POST changes the world
        for name in routes:
            if method not in expected.get(name, {"GET": ()}):  # the admin: GET only
                continue
            url = route_kwargs(world, name)
            if kind != "anonymous":  # logged in again after each request (logout, idle end)
                client.force_login(world.users[kind])
            response = client.get(url) if method == "GET" else client.post(url, {})
            status = response.status_code
            assert status < 500, f"{kind} {method} {name} ({url}): {status}"
            allowed = _allowed(response)
            if not allowed and not _denied(response):
                outcome = str(status)  # e.g. 400 for an empty POST: the door was open
            else:
                outcome = "allowed" if allowed else "denied"
            observed.setdefault(name, {})[method] = outcome
            if name.startswith("admin:"):
                expected_allowed = kind == "superuser"
            else:
                expected_allowed = kind in expected.get(name, {}).get(method, ())
            if (outcome == "denied") == expected_allowed:
                wrong.append(f"{method} {name} {url}: {outcome} ({status})")
            body = response.content.decode(errors="replace") if not response.streaming else ""
            for applicant_id, surname in subjects:
                if surname not in body:
                    continue
                if applicant_id not in mine:
                    assert outcome != "denied", f"{kind} {method} {name} denied yet shows {surname}"
                if method == "GET" and applicant_id not in own_subjects:
                    assert ProcessingRecord.objects.filter(
                        trace_id=_trace_id(response),
                        data_subject_id=applicant_pseudonym(applicant_id),
                    ).exists(), f"{kind} saw {surname} on {name} and it was not logged"
    if RECORD:
        with open(f"{RECORD}.{kind}.json", "w") as out:
            json.dump(observed, out, indent=1, sort_keys=True)
        return
    assert wrong == [], f"{kind}: " + "; ".join(wrong)
