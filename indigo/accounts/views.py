"""Where each kind of user starts after logging in."""

from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from indigo.accounts.roles import Role, is_staff_member, roles_of

# The first matching start page; portal pages may not exist in every installation.
_STARTS = [
    # The privacy officer works from the processing log (indigo.staff.privacy_views).
    (lambda user: roles_of(user) == {Role.PRIVACY}, "staff:privacy-access-log"),
    (lambda user: is_staff_member(user), "work:worklist"),
    (lambda user: Role.SPONSOR in roles_of(user), "sponsors:dashboard"),
    (lambda user: Role.APPLICANT in roles_of(user), "portal:home"),
    # Partner agencies use the API; its documentation is where they start.
    (lambda user: Role.PARTNER in roles_of(user), "api-docs"),
]


def start_page_for(user) -> str:
    if user.is_authenticated:
        for applies, name in _STARTS:
            if applies(user):
                try:
                    return reverse(name)
                except NoReverseMatch:
                    continue
    return reverse("login")


def home(request):
    return redirect(start_page_for(request.user))
