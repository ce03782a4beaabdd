from django.urls import path

from indigo.staff import decision_views as decisions
from indigo.staff import views

app_name = "staff"
urlpatterns = [
    path("applications", views.application_list, name="application-list"),
    path("chain", views.chain, name="chain"),
    path("applications/<str:reference>", views.application_detail, name="application-detail"),
    path(
        "applications/<str:reference>/requests",
        views.application_request,
        name="application-request",
    ),
    path(
        "applications/<str:reference>/actions",
        views.application_action,
        name="application-action",
    ),
    # Deciding (indigo.decisions): facts, decision, four-eyes approval, fast track, letter.
    path("applications/<str:reference>/facts", decisions.fact_record_view, name="fact-record"),
    path(
        "applications/<str:reference>/decision",
        decisions.decision_record_view,
        name="decision-record",
    ),
    path(
        "applications/<str:reference>/decision/approve",
        decisions.decision_approve_view,
        name="decision-approve",
    ),
    path(
        "applications/<str:reference>/decision/fast-track",
        decisions.decision_fast_track_view,
        name="decision-fast-track",
    ),
    path(
        "applications/<str:reference>/decision/letter",
        decisions.decision_letter_view,
        name="decision-letter",
    ),
    path(
        "applications/<str:reference>/decision/letter.pdf",
        decisions.decision_letter_pdf_view,
        name="decision-letter-pdf",
    ),
]
