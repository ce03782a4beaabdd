"""Session hygiene for every page: staff are logged out after a time without activity,
and pages shown to a logged-in person are never stored by a browser or a proxy."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import is_staff_member

STAFF_SEEN_KEY = "staff_seen_at"
# The moment of activity is written at most this often, not on every request (a
# session write costs queries on every page).
SEEN_RESOLUTION_SECONDS = 60


def mark_seen_at_login(sender, request, user, **kwargs):
    """`user_logged_in` receiver: the idle time counts from the login."""
    if request is not None and hasattr(request, "session"):
        request.session[STAFF_SEEN_KEY] = clock.now().timestamp()


class StaffIdleTimeoutMiddleware:
    """A member of staff idle for `INDIGO_STAFF_IDLE_MINUTES` is logged out: a screen
    left open must not show a file to whoever passes by. API tokens are not sessions
    and are not affected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and hasattr(request, "session")
            and "_auth_user_id" in request.session
            and is_staff_member(user)
        ):
            now = clock.now().timestamp()
            seen = request.session.get(STAFF_SEEN_KEY)
            if seen is not None and now - seen > settings.INDIGO_STAFF_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.INDIGO_STAFF_IDLE_MINUTES},
                )
                login = reverse("login")
                return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
            if seen is None or now - seen >= SEEN_RESOLUTION_SECONDS:
                request.session[STAFF_SEEN_KEY] = now
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every page for a logged-in person (they show
    personal data) and on every API answer (set by the API's own middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(("/api/", "/" + settings.STATIC_URL.lstrip("/")))
        ):
            response["Cache-Control"] = "no-store, private"
        return response
