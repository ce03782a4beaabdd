"""OpenAPI post-processing for the NL GOV API Design Rules."""

from django.conf import settings


def add_api_version_header(result, generator, request, public):
    """Declare the API-Version header on every response (/core/version-header)."""
    header = {
        "API-Version": {
            "description": "The version of this API (semantic versioning).",
            "schema": {"type": "string", "example": settings.API_VERSION},
        }
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for response in operation.get("responses", {}).values():
                response.setdefault("headers", {}).update(header)
    return result
