"""Decides per request whether reads may go to the replica (see `routers`)."""

import hashlib
import re
from datetime import timedelta

from django.conf import settings

from indigo import clock
from indigo.operations.models import RecentWriter
from indigo.operations.routers import replica_allowed

SAFE = frozenset({"GET", "HEAD"})


def client_key(request) -> str | None:
    """Who is asking, without storing the secret: a hash of the session or the token."""
    secret = request.headers.get("Authorization") or request.COOKIES.get(
        settings.SESSION_COOKIE_NAME
    )
    return hashlib.sha256(secret.encode()).hexdigest() if secret else None


class ReadRoutingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        safe = request.method in SAFE
        key = client_key(request)
        token = replica_allowed.set(safe and self._may_use_replica(request, key))
        try:
            response = self.get_response(request)
        finally:
            replica_allowed.reset(token)
        if not safe and key is not None:
            # This client just (tried to) write: its next reads go to the primary.
            RecentWriter.objects.update_or_create(key=key, defaults={"wrote_at": clock.now()})
        return response

    def _may_use_replica(self, request, key: str | None) -> bool:
        if not any(re.fullmatch(path, request.path) for path in settings.INDIGO_REPLICA_PATHS):
            return False
        if key is None:
            return True
        since = clock.now() - timedelta(seconds=settings.INDIGO_READ_YOUR_WRITES_SECONDS)
        return not RecentWriter.objects.filter(key=key, wrote_at__gte=since).exists()


def recent_writers_forget() -> int:
    """The periodic job: forget clients whose last write is long past."""
    since = clock.now() - timedelta(seconds=settings.INDIGO_READ_YOUR_WRITES_SECONDS)
    return RecentWriter.objects.filter(wrote_at__lt=since).delete()[0]
