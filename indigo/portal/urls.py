from django.conf import settings
from django.urls import include, path

from indigo.portal.views import (
    accessibility,
    apply,
    auth,
    complaints,
    follow,
    home,
    payments,
    survey,
)

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path("login", auth.login_page, name="login"),
    path("logout", auth.logout_page, name="logout"),
    path("apply", home.start, name="start"),
    path("apply/<slug:product>", apply.apply_product, name="apply"),
    path("apply/<slug:product>/discard", apply.discard, name="discard"),
    path("apply/<slug:product>/<slug:code>", apply.step, name="apply-step"),
    path("payments/<str:reference>/return", payments.payment_return, name="payment-return"),
    path("payments/<str:reference>/pay", payments.simulated_payment, name="simulated-payment"),
    path("applications/<str:reference>", follow.application_detail, name="application"),
    path(
        "applications/<str:reference>/requests/<int:request_pk>/reply",
        follow.reply,
        name="reply",
    ),
    path("applications/<str:reference>/letter", follow.letter, name="letter"),
    path("complaints/new", complaints.complaint_new, name="complaint-new"),
    path("complaints/<int:complaint_id>", complaints.complaint_detail, name="complaint"),
    path("survey/<str:token>", survey.survey, name="survey"),
    path("accessibility-problem", accessibility.accessibility_report, name="accessibility-report"),
    path(
        "accessibility-problem/sent",
        accessibility.accessibility_report_sent,
        name="accessibility-report-sent",
    ),
]

if getattr(settings, "INDIGO_OIDC_ENABLED", False):
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
