from django.urls import path
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.permissions import AllowAny

from indigo.api.applications import ApplicationActionApi, ApplicationDetailApi, ApplicationListApi
from indigo.api.decisions import (
    DecisionApi,
    DecisionApprovalApi,
    DecisionFastTrackApi,
    FactListApi,
    FindingsApi,
)
from indigo.api.desks import (
    AppointmentActionApi,
    AppointmentDetailApi,
    AppointmentListApi,
    DeskListApi,
    DeskSlotsApi,
)
from indigo.api.documents import DocumentContentApi, DocumentListApi
from indigo.api.intentions import ApplicationIntentionApi, ApplicationViewApi
from indigo.api.partners import ChainFiguresApi, PartnerReportApi, ResidenceStatusApi
from indigo.api.permissions import door
from indigo.api.persons import PersonContactsApi, PersonDetailApi, PersonSearchApi
from indigo.api.requests import InformationRequestListApi, InformationRequestReplyApi
from indigo.api.sponsors import (
    ChangeReportApi,
    SponsorApplicationListApi,
    SponsorBulkApi,
    VouchApi,
)
from indigo.api.subscriptions import SubscriptionDetailApi, SubscriptionListApi
from indigo.api.units import UnitDetailApi, UnitListApi
from indigo.api.work import (
    AdviceRequestApi,
    TaskActionApi,
    TaskDetailApi,
    TaskListApi,
    TaskNextApi,
)
from indigo.appeals.api import AppealActionApi, AppealDetailApi, AppealListApi
from indigo.catalog.api import ProductDetailApi, ProductListApi
from indigo.complaints.api import ComplaintActionApi, ComplaintCreateApi, ComplaintDetailApi
from indigo.objections.api import ObjectionActionApi, ObjectionDetailApi, ObjectionListApi
from indigo.penalties.api import NoticeOfDefaultListApi, PenaltyApi
from indigo.quality.api import MeasuresApi

urlpatterns = [
    path(
        "openapi.json",
        SpectacularJSONAPIView.as_view(permission_classes=[AllowAny], authentication_classes=[]),
        name="openapi",
    ),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="api-docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="openapi"), name="api-redoc"),
    path("products", door(ProductListApi, get="products_list").as_view(), name="products"),
    path(
        "products/<slug:code>",
        door(ProductDetailApi, get="products_retrieve").as_view(),
        name="product",
    ),
    path("measures", door(MeasuresApi, get="measures_list").as_view(), name="measures"),
    path(
        "residence-status",
        door(ResidenceStatusApi, post="residence_status").as_view(),
        name="residence-status",
    ),
    path(
        "chain-figures",
        door(ChainFiguresApi, get="chain_figures").as_view(),
        name="chain-figures",
    ),
    path(
        "partner-reports",
        door(PartnerReportApi, post="partner_reports_create").as_view(),
        name="partner-reports",
    ),
    path(
        "subscriptions",
        door(SubscriptionListApi, get="subscriptions_list", post="subscriptions_create").as_view(),
        name="subscriptions",
    ),
    path(
        "subscriptions/<uuid:subscription_id>",
        door(
            SubscriptionDetailApi, get="subscriptions_retrieve", delete="subscriptions_destroy"
        ).as_view(),
        name="subscription",
    ),
    path(
        "applications",
        door(ApplicationListApi, get="applications_list", post="applications_create").as_view(),
        name="applications",
    ),
    path(
        "applications/<str:reference>",
        door(ApplicationDetailApi, get="applications_retrieve").as_view(),
        name="application",
    ),
    path(
        "applications/<str:reference>/actions/<str:action>",
        door(ApplicationActionApi, post="applications_action").as_view(),
        name="application-action",
    ),
    path(
        "applications/<str:reference>/intention",
        ApplicationIntentionApi.as_view(),
        name="application-intention",
    ),
    path(
        "applications/<str:reference>/intention/view",
        ApplicationViewApi.as_view(),
        name="application-intention-view",
    ),
    path(
        "applications/<str:reference>/documents",
        door(DocumentListApi, get="documents_list", post="documents_create").as_view(),
        name="application-documents",
    ),
    path(
        "applications/<str:reference>/documents/<int:document_id>/content",
        door(DocumentContentApi, get="documents_content").as_view(),
        name="application-document-content",
    ),
    # Work
    path("tasks", TaskListApi.as_view(), name="tasks"),
    path("tasks/next", TaskNextApi.as_view(), name="tasks-next"),
    path("tasks/<int:task_id>", TaskDetailApi.as_view(), name="task"),
    path("tasks/<int:task_id>/actions/<str:action>", TaskActionApi.as_view(), name="task-action"),
    path(
        "applications/<str:reference>/advice-requests",
        AdviceRequestApi.as_view(),
        name="application-advice-requests",
    ),
    # Assessment and decision
    path("applications/<str:reference>/facts", FactListApi.as_view(), name="application-facts"),
    path(
        "applications/<str:reference>/findings",
        FindingsApi.as_view(),
        name="application-findings",
    ),
    path(
        "applications/<str:reference>/decision",
        DecisionApi.as_view(),
        name="application-decision",
    ),
    path(
        "applications/<str:reference>/decision/approval",
        DecisionApprovalApi.as_view(),
        name="application-decision-approval",
    ),
    path(
        "applications/<str:reference>/decision/fast-track",
        DecisionFastTrackApi.as_view(),
        name="application-decision-fast-track",
    ),
    # Requests to the applicant
    path(
        "applications/<str:reference>/information-requests",
        InformationRequestListApi.as_view(),
        name="application-information-requests",
    ),
    path(
        "applications/<str:reference>/information-requests/<int:request_id>/reply",
        InformationRequestReplyApi.as_view(),
        name="application-information-request-reply",
    ),
    # Persons
    path("persons/search", PersonSearchApi.as_view(), name="persons-search"),
    path("persons/<int:person_id>", PersonDetailApi.as_view(), name="person"),
    path("persons/<int:person_id>/contacts", PersonContactsApi.as_view(), name="person-contacts"),
    path(
        "applications/<str:reference>/notices-of-default",
        door(
            NoticeOfDefaultListApi, get="notices_of_default_list", post="notices_of_default_create"
        ).as_view(),
        name="application-notices-of-default",
    ),
    path(
        "applications/<str:reference>/penalty",
        door(PenaltyApi, get="penalty_retrieve").as_view(),
        name="application-penalty",
    ),
    # Desks and appointments
    path("desks", DeskListApi.as_view(), name="desks"),
    path("desks/<slug:code>/slots", DeskSlotsApi.as_view(), name="desk-slots"),
    path("appointments", AppointmentListApi.as_view(), name="appointments"),
    path("appointments/<int:appointment_id>", AppointmentDetailApi.as_view(), name="appointment"),
    path(
        "appointments/<int:appointment_id>/actions/<str:action>",
        AppointmentActionApi.as_view(),
        name="appointment-action",
    ),
    # Recognised sponsors
    path(
        "sponsor/applications",
        SponsorApplicationListApi.as_view(),
        name="sponsor-applications",
    ),
    path("sponsor/applications/bulk", SponsorBulkApi.as_view(), name="sponsor-applications-bulk"),
    path("applications/<str:reference>/vouch", VouchApi.as_view(), name="application-vouch"),
    path("sponsor/change-reports", ChangeReportApi.as_view(), name="sponsor-change-reports"),
    # Units and their figures
    path("units", UnitListApi.as_view(), name="units"),
    path("units/<slug:code>", UnitDetailApi.as_view(), name="unit"),
    path(
        "applications/<str:reference>/objections",
        door(ObjectionListApi, get="objections_list", post="objections_create").as_view(),
        name="application-objections",
    ),
    path(
        "applications/<str:reference>/objections/<int:objection_id>",
        door(ObjectionDetailApi, get="objections_retrieve").as_view(),
        name="application-objection",
    ),
    path(
        "applications/<str:reference>/objections/<int:objection_id>/actions/<str:action>",
        door(ObjectionActionApi, post="objections_action").as_view(),
        name="application-objection-action",
    ),
    path(
        "applications/<str:reference>/appeals",
        door(AppealListApi, get="appeals_list", post="appeals_create").as_view(),
        name="application-appeals",
    ),
    path(
        "applications/<str:reference>/appeals/<int:appeal_id>",
        door(AppealDetailApi, get="appeals_retrieve").as_view(),
        name="application-appeal",
    ),
    path(
        "applications/<str:reference>/appeals/<int:appeal_id>/actions/<str:action>",
        door(AppealActionApi, post="appeals_action").as_view(),
        name="application-appeal-action",
    ),
    path(
        "complaints",
        door(ComplaintCreateApi, post="complaints_create").as_view(),
        name="complaints",
    ),
    path(
        "complaints/<int:complaint_id>",
        door(ComplaintDetailApi, get="complaints_retrieve").as_view(),
        name="complaint",
    ),
    path(
        "complaints/<int:complaint_id>/actions/<str:action>",
        door(ComplaintActionApi, post="complaints_action").as_view(),
        name="complaint-action",
    ),
]
