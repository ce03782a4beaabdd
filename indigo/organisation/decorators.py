"""A view decorator over the table of who may do what (`indigo.organisation.permissions`)."""

from functools import wraps

from django.contrib.auth.decorators import login_required

from indigo.accounts.decorators import staff_required
from indigo.organisation.permissions import require


def may_required(action: str, *, staff: bool = True):
    """Logged in (and staff, unless `staff=False`) and allowed `action`; else 403."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            require(request.user, action)
            return view(request, *args, **kwargs)

        return staff_required(wrapper) if staff else login_required(wrapper)

    return decorate
