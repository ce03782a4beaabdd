from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from indigo.accounts.roles import Role, has_role
from indigo.sponsors.selectors import sponsors_of


def sponsor_required(view):
    """Logged in with the role `sponsor` and working for at least one recognised sponsor;
    anyone else gets 403. The view receives the sponsors as `request.sponsors`."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        sponsors = sponsors_of(user=request.user) if has_role(request.user, Role.SPONSOR) else []
        if not sponsors:
            raise PermissionDenied
        request.sponsors = sponsors
        return view(request, *args, **kwargs)

    return wrapper
