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


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details (NL GOV API Design Rules).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Invalid input."},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "For machines; never translated."},
        "invalidParams": {
            "type": "array",
            "description": "Each invalid field, by its (dotted) name.",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string", "example": "outcome"},
                    "code": {"type": "string", "example": "invalid_choice"},
                    "reason": {"type": "string"},
                },
            },
        },
        "possibleActions": {
            "type": "array",
            "items": {"type": "string"},
            "description": "With a 409: the actions possible now.",
        },
        "requestId": {"type": "string", "description": "Only with a 500: quote it to us."},
    },
}

_PROBLEMS = {
    "400": "Invalid input: `invalidParams` names each field; nothing was changed.",
    "401": "Authentication required (a token: `Authorization: Token …`).",
    "403": "Your role does not allow this operation (`indigo.api.permissions`).",
    "404": "Not found, or not visible to you: the answer is the same.",
    "409": "Not possible in the current state; `possibleActions` lists what is (or an "
    "`Idempotency-Key` sent again with another body).",
    "429": "Too many requests; see `Retry-After`.",
    "500": "Server error; the body carries the request id.",
}


# Every POST takes one (indigo.api.idempotency): the same key and body, the same answer.
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "maxLength": 255},
    "description": "Send the same key again to get the first answer instead of doing the "
    "request twice; another body with the same key is a 409.",
}


def add_problem_responses(result, generator, request, public):
    """Document the problem+json answers of every operation, from what it can meet:
    400 for input, 401/403 unless public, 404 with a path parameter, 409 where the
    access table (`indigo.api.permissions.ACCESS`) says a step may be refused now."""
    from indigo.api.permissions import ACCESS

    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    ref = {"$ref": "#/components/schemas/Problem"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            rule = ACCESS.get(operation.get("operationId"))
            if method == "post":
                operation.setdefault("parameters", []).append(IDEMPOTENCY_KEY)
            params = operation.get("parameters", [])
            codes = []
            if "requestBody" in operation or any(p.get("in") == "query" for p in params):
                codes.append("400")
            if rule is None or not rule.public:
                codes += ["401", "403"]
            if "{" in path:
                codes.append("404")
            if (rule is not None and rule.conflicts) or method == "post":
                codes.append("409")
            if rule is None or not rule.public:
                codes.append("429")  # throttled (indigo.api throttling)
            codes.append("500")
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                # An error response a view documents itself (e.g. with an example).
                problem_content = response.get("content", {}).get("application/problem+json")
                if code[0] in "45" and problem_content is not None:
                    problem_content["schema"] = ref
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": _PROBLEMS[code],
                        "content": {"application/problem+json": {"schema": ref}},
                    },
                )
    return result
