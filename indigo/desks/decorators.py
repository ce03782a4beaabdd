"""Who may open the desks' screens (what they may see there is decided by selectors)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from indigo.accounts.decorators import staff_required
from indigo.accounts.roles import Role, has_role
from indigo.organisation.permissions import Action, require


def applicant_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not has_role(request.user, Role.APPLICANT):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def desk_staff_required(view):
    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        require(request.user, Action.DESK_DAY)
        return view(request, *args, **kwargs)

    return wrapper
