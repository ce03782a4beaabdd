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


PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details (NL GOV API Design Rules /core/error-handling).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "requestId": {"type": "string", "description": "Only on 500: quote it to us."},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
_ERRORS = {
    "400": "Invalid input; `invalidParams` names each field.",
    "401": "Authentication required.",
    "403": "Not allowed.",
    "404": "Not found, or not yours (the same answer).",
    "409": "Not possible in the current state, or an Idempotency-Key reused with another body.",
    "429": "Too many requests; see Retry-After.",
    "500": "Server error; the body carries the request id.",
}


def add_problem_responses(result, generator, request, public):
    """Document the problem+json error responses of every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    ref = {"$ref": "#/components/schemas/Problem"}
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method == "post":
                operation.setdefault("parameters", []).append(
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string", "maxLength": 255},
                        "description": "Send the same key again to get the first answer "
                        "instead of doing the request twice; another body with the same "
                        "key is a 409.",
                    }
                )
            responses = operation.setdefault("responses", {})
            for code, description in _ERRORS.items():
                if code == "400" and method == "get" and "{" in path.rsplit("/", 1)[-1]:
                    continue  # a detail read takes no input to refuse
                if path.endswith("openapi.json"):
                    continue
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/problem+json": {"schema": ref}},
                    },
                )
    return result
