"""Portal sessions: logged out after a time without activity, and nothing lost then.

An applicant idle for `INDIGO_PORTAL_IDLE_MINUTES` is logged out (on a shared
computer someone else must not find their file open). What they had saved is in
their draft on the server. What they were sending when the session ended (a form
posted after the end) is kept in the new, anonymous session and put back in the form
after they log in again; a file in that post cannot be kept and must be chosen again,
which the page says.

A browser that still sends a session cookie but is no longer logged in had a session
that ended (an explicit logout deletes the cookie), so the applicant reads "your
session has ended" instead of a bare login page.
"""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from indigo import clock
from indigo.accounts.roles import Role, has_role

SEEN_KEY = "portal_seen_at"
ENDED_KEY = "portal_session_ended"
PENDING_KEY = "portal_pending"


def _idle_seconds() -> int:
    return settings.INDIGO_PORTAL_IDLE_MINUTES * 60


def mark_active(request) -> None:
    request.session[SEEN_KEY] = clock.now().timestamp()


def login_url(next_path: str = "") -> str:
    url = reverse("portal:login")
    return f"{url}?{urlencode({'next': next_path})}" if next_path else url


def _keep_post(request, user_pk) -> None:
    data = {k: v for k, v in request.POST.lists() if k != "csrfmiddlewaretoken"}
    request.session[PENDING_KEY] = {
        "path": request.path,
        "user": user_pk,
        "data": data,
        "had_file": bool(request.FILES),
    }


def _ended(request):
    """The session ended: keep what was being sent, and ask to log in again."""
    posted = request.method == "POST"
    user_pk = request.user.pk if request.user.is_authenticated else None
    if user_pk is not None:
        logout(request)
    if posted:
        _keep_post(request, user_pk)
    request.session[ENDED_KEY] = True
    return redirect(login_url(request.path))


def portal_login_required(view):
    """Logged in as an applicant, and active within the idle time."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                return _ended(request)
            return redirect(login_url(request.get_full_path()))
        seen = request.session.get(SEEN_KEY)
        if seen is not None and clock.now().timestamp() - seen > _idle_seconds():
            return _ended(request)
        if not has_role(request.user, Role.APPLICANT):
            raise PermissionDenied
        mark_active(request)
        return view(request, *args, **kwargs)

    return wrapper


def pending_for(request) -> tuple[MultiValueDict | None, bool]:
    """What the applicant was sending to this page when their session ended (once)."""
    pending = request.session.get(PENDING_KEY)
    if not pending or pending.get("path") != request.path:
        return None, False
    if pending.get("user") not in (None, request.user.pk):
        del request.session[PENDING_KEY]  # someone else's unsent form: never shown
        return None, False
    del request.session[PENDING_KEY]
    return MultiValueDict(pending["data"]), pending.get("had_file", False)


def session_ended(request) -> bool:
    return bool(request.session.pop(ENDED_KEY, False))
