from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from indigo.accounts.forms import LoginForm
from indigo.accounts.views import home
from indigo.operations import health
from indigo.portal.views.accessibility import accessibility_statement

urlpatterns = [
    path("", home, name="home"),
    path(settings.INDIGO_ADMIN_PATH, admin.site.urls),
    path("login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("indigo.api.urls")),
    path("staff/", include("indigo.staff.urls")),
    path("work/", include("indigo.work.urls")),
    path("quality/", include("indigo.quality.urls")),
    path("planning/", include("indigo.planning.urls")),
    path("knowledge/", include("indigo.knowledge.urls")),
    path("contacts/", include("indigo.contacts.urls")),
    path("sponsor/", include("indigo.sponsors.urls")),
    path("desks/", include("indigo.desks.urls")),
    path("portal/", include("indigo.portal.urls")),
    path("toegankelijkheid", accessibility_statement, name="accessibility-statement"),
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
]


def handler404(request, exception):
    """problem+json for API paths (e.g. a trailing slash), Django's page elsewhere."""
    from django.views.defaults import page_not_found

    from indigo.api.problems import not_found_json

    if request.path.startswith("/api/"):
        return not_found_json(request, exception)
    return page_not_found(request, exception)


def handler403(request, exception):
    """The styled page for staff and portal users; problem+json for API paths."""
    from django.views.defaults import permission_denied

    if request.path.startswith("/api/"):
        from django.http import JsonResponse

        return JsonResponse(
            {"type": "about:blank", "title": "Forbidden.", "status": 403, "detail": str(exception)},
            status=403,
            content_type="application/problem+json",
        )
    return permission_denied(request, exception)


def handler500(request):
    """Every server error was logged with its traceback (`django.request`, with the
    request id); the person sees the id, and no stack trace (problem+json for the API)."""
    from django.http import JsonResponse
    from django.template import loader
    from django.utils.translation import gettext as _

    from indigo.operations.request_id import current_request_id

    request_id = getattr(request, "request_id", None) or current_request_id()
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "type": "about:blank",
                "title": _("Internal error."),
                "status": 500,
                "detail": _(
                    "Something went wrong on our side. The error has been logged with the "
                    "request id %(id)s."
                )
                % {"id": request_id},
                "requestId": request_id,
            },
            status=500,
            content_type="application/problem+json",
        )
    try:  # the styled page, in the user's language, with the way home and the id
        from django.shortcuts import render

        return render(request, "500.html", {"request_id": request_id}, status=500)
    except Exception:
        from django.http import HttpResponseServerError

        html = loader.get_template("500.html").render({"request_id": request_id})
        return HttpResponseServerError(html)
