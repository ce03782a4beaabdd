"""Token authentication that throttles guessing: after `INDIGO_BAD_TOKENS_PER_MINUTE`
wrong tokens from one address in a minute, every token request from it is answered
429 for the rest of that minute (DRF's throttles run only after authentication, so a
wrong token was never throttled)."""

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed, Throttled

WINDOW_SECONDS = 60


def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


class ThrottledTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        if not request.META.get("HTTP_AUTHORIZATION", "").lower().startswith("token"):
            return None
        key = f"indigo:bad-tokens:{_client_address(request)}"
        now = time.monotonic()
        recent = [t for t in cache.get(key, []) if now - t < WINDOW_SECONDS]
        if len(recent) >= settings.INDIGO_BAD_TOKENS_PER_MINUTE:
            raise Throttled(wait=int(WINDOW_SECONDS - (now - recent[0])) + 1)
        try:
            return super().authenticate(request)
        except AuthenticationFailed:
            cache.set(key, [*recent, now], WINDOW_SECONDS)
            raise
