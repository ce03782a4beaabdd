"""Logging in to the portal: the development login (demo, tests) and OpenID Connect."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from indigo.accounts.roles import Role, has_role
from indigo.errors import DomainError
from indigo.portal import services, sessions
from indigo.portal.forms import DevLoginForm
from indigo.portal.views._common import oidc_enabled, safe_next


@require_http_methods(["GET", "POST"])
def login_page(request):
    next_path = safe_next(request, reverse("portal:home"))
    ended = sessions.session_ended(request)
    is_applicant = request.user.is_authenticated and has_role(request.user, Role.APPLICANT)
    if request.method == "GET" and is_applicant and not ended:
        return redirect(next_path)
    form = (
        DevLoginForm(request.POST if request.method == "POST" else None)
        if settings.INDIGO_DEV_LOGIN
        else None
    )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                user = services.dev_login_user(
                    username=form.cleaned_data["username"], email=form.cleaned_data["email"]
                )
            except DomainError as exc:
                form.add_domain_error(exc)
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                sessions.mark_active(request)
                return redirect(next_path)
    oidc_url = None
    if oidc_enabled():
        oidc_url = reverse("portal:oidc_authentication_init") + "?" + urlencode({"next": next_path})
    return render(
        request,
        "portal/login.html",
        {
            "form": form,
            "ended": ended,
            "failed": request.GET.get("failed") == "1",
            "oidc_url": oidc_url,
            "next": next_path,
            "hide_nav": True,
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )


@require_POST
def logout_page(request):
    logout(request)
    messages.success(request, _("You are logged out."))
    return redirect("portal:login")
