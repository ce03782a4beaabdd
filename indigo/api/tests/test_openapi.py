from django.core.management import call_command


def test_the_openapi_document_is_valid_and_generates_without_warnings(tmp_path):
    target = tmp_path / "openapi.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    assert "/applications/{reference}/documents:" in target.read_text()


def test_every_response_declares_the_api_version_header(tmp_path):
    import yaml

    target = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(target))

    paths = yaml.safe_load(target.read_text())["paths"]
    responses = [r for p in paths.values() for op in p.values() for r in op["responses"].values()]
    assert responses
    assert all("API-Version" in r.get("headers", {}) for r in responses)


def test_every_path_is_without_a_trailing_slash(tmp_path):
    import yaml

    target = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(target))

    paths = yaml.safe_load(target.read_text())["paths"]
    assert paths and all(not p.endswith("/") for p in paths)
