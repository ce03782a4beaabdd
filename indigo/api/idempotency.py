"""`Idempotency-Key` on every POST of the API (draft-ietf-httpapi-idempotency-key-header).

A client that does not know whether its POST arrived (a time-out) sends it again with
the same key: the first answer is given again and nothing is done twice. The key is
the client's, per user; it is kept `INDIGO_IDEMPOTENCY_HOURS`. The same key with
another method, path or body is a 409; a retry while the first is still being carried
out is a 409 too (try again shortly). A refusal (4xx raised by the service) or a
server error is not kept, so a corrected or later retry is carried out.
"""

import functools
import hashlib
import json
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from indigo import clock, limits
from indigo.api.models import IdempotentRequest
from indigo.api.problems import problem

HEADER = "Idempotency-Key"
KEY_MAX = 255


def _fingerprint(request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    try:
        digest.update(request._request.body)
    except RawPostDataException:
        # A multipart body already read (uploads): its fields and the files' contents.
        for name, values in sorted(request.data.lists()):
            for value in values:
                digest.update(name.encode() + b"=")
                if hasattr(value, "chunks"):
                    for chunk in value.chunks():
                        digest.update(chunk)
                    value.seek(0)
                else:
                    digest.update(str(value).encode())
    return digest.hexdigest()


def _replay(record: IdempotentRequest) -> Response:
    response = Response(json.loads(record.body) if record.body else None, status=record.status)
    response["Idempotent-Replayed"] = "true"
    return response


def idempotent(handler):
    """Wraps an API view's `post` handler."""

    @functools.wraps(handler)
    def wrapper(self, request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return handler(self, request, *args, **kwargs)
        key = key.strip()
        if not key or len(key) > KEY_MAX or not key.isprintable() or limits.has_nul(key):
            return problem(
                400,
                _("The Idempotency-Key is a printable text of at most %(max)d characters.")
                % {"max": KEY_MAX},
                code="idempotency-key",
            )
        fingerprint = _fingerprint(request)
        since = clock.now() - timedelta(hours=settings.INDIGO_IDEMPOTENCY_HOURS)
        IdempotentRequest.objects.filter(user=request.user, key=key, created_at__lt=since).delete()
        try:
            with transaction.atomic():
                record = IdempotentRequest.objects.create(
                    user=request.user, key=key, fingerprint=fingerprint, created_at=clock.now()
                )
        except IntegrityError:
            earlier = IdempotentRequest.objects.get(user=request.user, key=key)
            if earlier.fingerprint != fingerprint:
                return problem(
                    409,
                    _(
                        "This Idempotency-Key was used for another request. Use a new key "
                        "for a new request."
                    ),
                    code="idempotency-key-reused",
                )
            if earlier.status is None:
                return problem(
                    409,
                    _("The first request with this Idempotency-Key is still being carried out."),
                    code="idempotency-in-progress",
                    headers={"Retry-After": "1"},
                )
            return _replay(earlier)
        try:
            response = handler(self, request, *args, **kwargs)
        except BaseException:
            record.delete()
            raise
        if response.status_code >= 400:
            record.delete()
            return response
        record.status = response.status_code
        record.body = JSONRenderer().render(response.data).decode() if response.data else ""
        record.save(update_fields=["status", "body"])
        return response

    return wrapper
