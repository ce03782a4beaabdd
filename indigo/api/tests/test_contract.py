"""The API's own quality, read from its OpenAPI document.

Every operation must be in the access table (`indigo.api.permissions.ACCESS`) as an
action of the one role-by-action table (`indigo.organisation.permissions.TABLE`), be
called by at least one test, have a summary, a description, examples and documented
error responses; and the document must validate against the OpenAPI 3 specification.
"""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from openapi_spec_validator import validate

from indigo.api.permissions import ACCESS
from indigo.organisation.permissions import TABLE

INDIGO = Path(__file__).resolve().parents[2]
METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def spec(tmp_path_factory, django_db_blocker):
    target = tmp_path_factory.mktemp("openapi") / "openapi.yaml"
    with django_db_blocker.unblock():
        call_command("spectacular", "--file", str(target))
    return yaml.safe_load(target.read_text())


def operations(spec):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _test_sources() -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in INDIGO.rglob("tests/**/*.py")
        if "/api/v1/" in p.read_text(encoding="utf-8")
    )


def _call_pattern(path: str, method: str) -> re.Pattern:
    """`client.post(f"/api/v1/tasks/{task.pk}/actions/take"` for /tasks/{id}/actions/{action}."""
    parts = re.split(r"\{[^}]+\}", path)
    any_segment = r"[^/\"'\s?]+"
    body = any_segment.join(re.escape(part) for part in parts)
    return re.compile(rf"\.{method}\(\s*f?[\"']/api/v1{body}[\"'?]")


def test_the_openapi_document_validates_against_the_openapi_3_specification(spec):
    validate(spec)


def test_every_operation_is_in_the_access_table(spec):
    missing = [
        op["operationId"] for _p, _m, op in operations(spec) if op["operationId"] not in ACCESS
    ]

    assert missing == []


def test_every_operation_is_an_action_of_the_one_role_table(spec):
    """One rule whatever the door: the API keeps no role list of its own."""
    without = [
        op["operationId"]
        for _p, _m, op in operations(spec)
        if not ACCESS[op["operationId"]].public
        and not (
            ACCESS[op["operationId"]].action is not None
            and ACCESS[op["operationId"]].all_actions() <= set(TABLE)
        )
    ]

    assert without == []


def test_every_view_asks_the_role_table():
    """Each handler calls `permissions.require` (or `may`) itself, or its view is
    routed through `permissions.door` (indigo/api/urls.py)."""
    import inspect

    from django.urls import get_resolver

    from indigo.api import permissions

    unguarded = []
    for pattern in get_resolver("indigo.api.urls").url_patterns:
        view = getattr(pattern.callback, "view_class", None)
        if view is None or view.__module__.startswith("drf_spectacular"):
            continue
        if "initial" in view.__dict__ and view.__module__ == permissions.__name__:
            continue
        for method in ("get", "post", "put", "patch", "delete"):
            handler = getattr(view, method, None)
            if handler is not None and not re.search(
                r"permissions\.(require|may)\(", inspect.getsource(handler)
            ):
                unguarded.append(f"{view.__name__}.{method}")

    assert unguarded == []


def test_the_access_table_has_no_operation_the_api_lacks(spec):
    ids = {op["operationId"] for _p, _m, op in operations(spec)}

    assert sorted(set(ACCESS) - ids) == []


def test_every_operation_is_called_by_a_test(spec):
    sources = _test_sources()
    untested = [
        f"{method.upper()} {path}"
        for path, method, _op in operations(spec)
        if not _call_pattern(path, method).search(sources)
    ]

    assert untested == []


def test_every_operation_has_a_summary_a_description_and_examples(spec):
    def has_examples(op) -> bool:
        contents = [
            content
            for response in op.get("responses", {}).values()
            for content in response.get("content", {}).values()
        ] + list(op.get("requestBody", {}).get("content", {}).values())
        return any("examples" in c or "example" in c for c in contents)

    lacking = [
        f"{method.upper()} {path}"
        for path, method, op in operations(spec)
        if not (op.get("summary") and op.get("description") and has_examples(op))
    ]

    assert lacking == []


def test_every_operation_documents_its_error_responses(spec):
    undocumented = []
    for path, method, op in operations(spec):
        codes = {code for code in op["responses"] if code.startswith(("4", "5"))}
        problem = all(
            "application/problem+json" in op["responses"][c].get("content", {}) for c in codes
        )
        # A public read without parameters (the catalog list) has no error to meet.
        can_fail = not ACCESS[op["operationId"]].public or op.get("parameters")
        if (can_fail and not codes) or not problem:
            undocumented.append(f"{method.upper()} {path}")

    assert undocumented == []


def test_operations_on_a_resource_document_the_404_and_steps_the_409(spec):
    for path, _method, op in operations(spec):
        if "{" in path:
            assert "404" in op["responses"], path
        if ACCESS[op["operationId"]].conflicts:
            assert "409" in op["responses"], path


def test_no_personal_identifier_is_a_path_or_query_parameter(spec):
    personal = {"v_number", "surname", "date_of_birth", "bsn", "given_names", "name"}
    found = [
        (path, p["name"])
        for path, _m, op in operations(spec)
        for p in op.get("parameters", [])
        if p["in"] in ("path", "query") and p["name"] in personal
    ]

    assert found == []


def _any_value(op, name: str) -> str:
    """A value of the path parameter's type (a UUID where the path wants one)."""
    schema = next(p["schema"] for p in op.get("parameters", []) if p["name"] == name)
    return "00000000-0000-0000-0000-000000000001" if schema.get("format") == "uuid" else "1"


@pytest.mark.django_db
def test_every_operation_but_the_public_ones_refuses_an_anonymous_caller(spec, client):
    answered = {}
    for path, method, op in operations(spec):
        if ACCESS[op["operationId"]].public:
            continue
        url = "/api/v1" + re.sub(r"\{([^}]+)\}", lambda m, op=op: _any_value(op, m[1]), path)
        response = getattr(client, method)(url)
        answered[f"{method.upper()} {path}"] = (
            response.status_code,
            response["Content-Type"].split(";")[0],
        )

    assert answered
    assert {k: v for k, v in answered.items() if v != (401, "application/problem+json")} == {}
