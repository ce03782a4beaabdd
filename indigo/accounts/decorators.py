from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from indigo.accounts.roles import Role, has_role, is_staff_member


def staff_required(view):
    """Logged in and a member of staff; anyone else gets 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def manager_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not has_role(request.user, Role.MANAGER, Role.ADMIN):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
