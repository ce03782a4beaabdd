from django.urls import path

from indigo.staff import decision_views as decisions
from indigo.staff import dossier_views, views
from indigo.staff import privacy_views as privacy
from indigo.staff import remedy_views as remedies

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
    path(
        "applications/<str:reference>/notices-of-default",
        views.notice_of_default,
        name="notice-of-default",
    ),
    path(
        "applications/<str:reference>/advice",
        views.application_advice,
        name="application-advice",
    ),
    # The dossier viewer.
    path(
        "applications/<str:reference>/documents/<int:document_id>",
        dossier_views.document_viewer,
        name="document",
    ),
    path(
        "applications/<str:reference>/documents/<int:document_id>/content",
        dossier_views.document_content,
        name="document-content",
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
        "applications/<str:reference>/intention",
        decisions.intention_send_view,
        name="intention-send",
    ),
    path(
        "applications/<str:reference>/intention/view",
        decisions.intention_view_view,
        name="intention-view",
    ),
    path(
        "applications/<str:reference>/intention/letter",
        decisions.intention_letter_view,
        name="intention-letter",
    ),
    path(
        "applications/<str:reference>/decision/letter.pdf",
        decisions.decision_letter_pdf_view,
        name="decision-letter-pdf",
    ),
    # The privacy officer (issue 9): who saw a person's data; their data export.
    path("privacy/access-log", privacy.access_log, name="privacy-access-log"),
    path("privacy/persons/<int:applicant_id>/export", privacy.export, name="privacy-export"),
    # After the decision: objections, appeals (on an application) and complaints.
    path("applications/<str:reference>/objections", remedies.objections_page, name="objections"),
    path(
        "applications/<str:reference>/objections/<slug:action>",
        remedies.objection_act,
        name="objection-act",
    ),
    path("applications/<str:reference>/appeals", remedies.appeals_page, name="appeals"),
    path(
        "applications/<str:reference>/appeals/<slug:action>",
        remedies.appeal_act,
        name="appeal-act",
    ),
    path("complaints", remedies.complaint_list, name="complaints"),
    path("complaints/new", remedies.complaint_new, name="complaint-new"),
    path("complaints/<int:complaint_id>", remedies.complaint_detail, name="complaint"),
    path(
        "complaints/<int:complaint_id>/<slug:action>",
        remedies.complaint_act,
        name="complaint-act",
    ),
]
