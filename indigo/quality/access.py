"""Who sees which figures: managers their own units, the directorate everything.

`units_visible_to` answers None for "all units", a tuple of unit codes for a manager,
and () for someone who sees no management information at all.
"""

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.organisation.selectors import units_of


def units_visible_to(user) -> tuple[str, ...] | None:
    if not getattr(user, "is_authenticated", False):
        return ()
    if has_role(user, Role.ADMIN) or user.has_perm("quality.view_all_measures"):
        return None
    if has_role(user, Role.MANAGER):
        return tuple(sorted(u.code for u in units_of(user=user, on=clock.today())))
    return ()
