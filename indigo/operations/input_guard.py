"""Refuses, at the door, what no page or operation can use: a NUL byte in the path,
the query string or a form field (PostgreSQL cannot store it; issue 9 found it a
server error in every reference and CSV cell), and an upload larger than the dossier
accepts — before its body is read (a 200 MB upload was read whole, then refused)."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _

from indigo import limits
from indigo.dossier.services import too_big


def _refusal(request):
    detail = _("The request contains a NUL character, which Indigo does not accept.")
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"type": "about:blank", "title": _("Invalid input."), "status": 400, "detail": detail},
            status=400,
            content_type="application/problem+json",
        )
    return HttpResponseBadRequest(detail)


# A form around the file (fields, boundaries) is small; this much more is allowed.
FORM_OVERHEAD_BYTES = 1024 * 1024


def upload_limit() -> int:
    return settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES


def _too_large(request):
    detail = too_big(settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES).message
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "type": "about:blank",
                "title": _("Request too large."),
                "status": 413,
                "detail": detail,
            },
            status=413,
            content_type="application/problem+json",
        )
    back = request.path
    html = loader.render_to_string(
        "operations/too_large.html", {"detail": detail, "back": back}, request=None
    )
    return HttpResponse(html, status=413)


class SizeLimitedUploadHandler(FileUploadHandler):
    """Stops reading an upload as soon as it passes the limit, for a body that did not
    say its length (chunked): the rest is never read into memory or onto disk."""

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.INDIGO_DOSSIER_MAX_UPLOAD_BYTES:
            self.request.upload_too_large = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > upload_limit():
            # Refused by its stated length: the body is not read at all.
            return _too_large(request)
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
            if getattr(request, "upload_too_large", False):
                return _too_large(request)
            if any(limits.has_nul(v) for _key, values in fields for v in values):
                return _refusal(request)
        return None
