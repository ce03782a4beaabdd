"""Refuses, at the door, what no page or operation can use: a NUL byte in the path,
the query string or a form field (PostgreSQL cannot store it; issue 9 found it a
server error in every reference and CSV cell)."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from indigo import limits


def _refusal(request):
    detail = _("The request contains a NUL character, which Indigo does not accept.")
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"type": "about:blank", "title": _("Invalid input."), "status": 400, "detail": detail},
            status=400,
            content_type="application/problem+json",
        )
    return HttpResponseBadRequest(detail)


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if limits.has_nul(request.path) or any(
            limits.has_nul(key) or limits.has_nul(value)
            for key, values in request.GET.lists()
            for value in values
        ):
            return _refusal(request)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Form bodies (urlencoded or multipart); JSON is checked by the API's fields.
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            try:
                fields = list(request.POST.lists())
            except Exception:  # an unreadable body is the view's to refuse
                return None
            if any(limits.has_nul(v) for _key, values in fields for v in values):
                return _refusal(request)
        return None
