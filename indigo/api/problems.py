"""Errors as RFC 9457 problem details (application/problem+json).

NL GOV API Design Rules: 4xx/5xx carry `status`, `title` and `detail`; invalid input
is 400 (never 422) and lists every invalid field in `invalidParams`. `title` and
`detail` are in the language of the request (Accept-Language, LocaleMiddleware);
`code` and `invalidParams[].name` are for machines and never translated.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from indigo.errors import DomainError

PROBLEM_JSON = "application/problem+json"

_TITLES = {
    400: gettext_lazy("Invalid input."),
    401: gettext_lazy("Authentication required."),
    403: gettext_lazy("You are not allowed to do this."),
    404: gettext_lazy("Not found."),
    405: gettext_lazy("Method not allowed."),
    406: gettext_lazy("Not acceptable."),
    409: gettext_lazy("Not possible in the current state."),
    413: gettext_lazy("Request too large."),
    415: gettext_lazy("Unsupported media type."),
    429: gettext_lazy("Too many requests."),
}


def problem(
    status_code: int,
    detail: str,
    *,
    title: str | None = None,
    invalid_params: list[dict] | None = None,
    code: str | None = None,
    headers: dict | None = None,
    possible_actions: list[str] | None = None,
) -> Response:
    body = {
        "type": "about:blank",
        "title": str(title or _TITLES.get(status_code) or _("Error.")),
        "status": status_code,
        "detail": str(detail),
    }
    if code:
        body["code"] = code
    if invalid_params:
        body["invalidParams"] = invalid_params
    if possible_actions is not None:
        # A 409 says what can be done instead (the actions possible now).
        body["possibleActions"] = possible_actions
    response = Response(body, status=status_code, headers=headers)
    response.content_type = PROBLEM_JSON
    return response


def _flatten(errors, prefix: str = "") -> list[dict]:
    """DRF's nested error dict → [{name, code, reason}] with dotted names."""
    params = []
    if isinstance(errors, dict):
        for key, value in errors.items():
            name = key if key != "non_field_errors" else ""
            params += _flatten(value, f"{prefix}.{name}" if prefix and name else prefix or name)
    elif isinstance(errors, list):
        for i, value in enumerate(errors):
            if isinstance(value, dict | list) and not isinstance(value, exceptions.ErrorDetail):
                params += _flatten(value, f"{prefix}.{i}" if isinstance(value, dict) else prefix)
            else:
                params.append(
                    {
                        "name": prefix or "body",
                        "code": getattr(value, "code", "invalid"),
                        "reason": str(value),
                    }
                )
    else:
        params.append(
            {
                "name": prefix or "body",
                "code": getattr(errors, "code", "invalid"),
                "reason": str(errors),
            }
        )
    return params


def problem_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        # Some services report several problems at once (`errors`, each at its field).
        errors = getattr(exc, "errors", None) or [exc]
        params = [
            {"name": e.field, "code": e.code, "reason": e.message} for e in errors if e.field
        ] or None
        return problem(
            exc.status,
            exc.message,
            title=exc.title,
            invalid_params=params,
            code=exc.code,
            possible_actions=getattr(exc, "possible_actions", None),
        )
    if isinstance(exc, exceptions.ValidationError):
        params = _flatten(exc.detail)
        detail = "; ".join(f"{p['name']}: {p['reason']}" for p in params)
        return problem(400, detail, invalid_params=params, code="invalid")
    if isinstance(exc, exceptions.ParseError):
        return problem(
            400,
            _("The request body could not be read: %(reason)s") % {"reason": exc.detail},
            code="parse",
        )
    if isinstance(exc, Http404):
        return problem(404, str(exc) or _("Not found."), code="not-found")
    if isinstance(exc, PermissionDenied):
        return problem(403, str(exc) or _("You are not allowed to do this."), code="forbidden")
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
    headers = {
        k: v for k, v in response.items() if k in ("Allow", "Retry-After", "WWW-Authenticate")
    }
    return problem(
        response.status_code, str(detail), code=getattr(detail, "code", None), headers=headers
    )


def not_found_json(request, exception=None):
    """Plain-Django 404 for /api/ paths (e.g. a trailing slash) as problem+json."""
    from django.http import JsonResponse

    return JsonResponse(
        {
            "type": "about:blank",
            "title": _("Not found."),
            "status": 404,
            "detail": _("There is no resource at %(path)s. Paths have no trailing slash.")
            % {"path": request.path},
        },
        status=status.HTTP_404_NOT_FOUND,
        content_type=PROBLEM_JSON,
    )
