"""The OpenAPI document says what the API answers (issue 9: the list is `{_links,
results}`, not an array, and error responses were undocumented)."""

import pytest
import yaml
from django.core.management import call_command


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    target = tmp_path_factory.mktemp("openapi") / "openapi.yaml"
    call_command("spectacular", "--file", str(target))
    return yaml.safe_load(target.read_text())


def _schema(spec, ref_or_schema):
    if "$ref" in ref_or_schema:
        return spec["components"]["schemas"][ref_or_schema["$ref"].rsplit("/", 1)[-1]]
    return ref_or_schema


def test_the_application_list_is_an_object_with_links_and_results(spec):
    ok = spec["paths"]["/applications"]["get"]["responses"]["200"]
    schema = _schema(spec, ok["content"]["application/json"]["schema"])

    assert schema["type"] == "object"
    assert set(schema["required"]) >= {"_links", "results"}
    assert schema["properties"]["results"]["type"] == "array"


def test_every_operation_documents_its_problem_responses(spec):
    for path, item in spec["paths"].items():
        if path.endswith("openapi.json"):
            continue
        for method, operation in item.items():
            # 401/403 unless public, 404 where the path names an object, 500 always.
            public = "401" not in operation["responses"]
            codes = ["500"] + ([] if public else ["401", "403"]) + (["404"] if "{" in path else [])
            for code in codes:
                response = operation["responses"][code]
                assert "application/problem+json" in response["content"], (path, method, code)
