"""Headers the NL GOV API Design Rules ask of every API response."""

from django.conf import settings


class ApiHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            # /core/version-header
            response["API-Version"] = settings.API_VERSION
            # /core/transport/security-headers
            response.setdefault("Cache-Control", "no-store")
            response.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
            if request.path.rstrip("/").endswith("openapi.json"):
                # /core/publish-openapi: the specification is open to every origin.
                response["Access-Control-Allow-Origin"] = "*"
        return response
