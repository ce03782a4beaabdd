from django.urls import path
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.permissions import AllowAny

from indigo.api.applications import ApplicationActionApi, ApplicationDetailApi, ApplicationListApi
from indigo.api.documents import DocumentContentApi, DocumentListApi
from indigo.appeals.api import AppealActionApi, AppealDetailApi, AppealListApi
from indigo.catalog.api import ProductDetailApi, ProductListApi
from indigo.complaints.api import ComplaintActionApi, ComplaintCreateApi, ComplaintDetailApi
from indigo.objections.api import ObjectionActionApi, ObjectionDetailApi, ObjectionListApi
from indigo.penalties.api import NoticeOfDefaultListApi, PenaltyApi

urlpatterns = [
    path(
        "openapi.json",
        SpectacularJSONAPIView.as_view(permission_classes=[AllowAny], authentication_classes=[]),
        name="openapi",
    ),
    path("docs", SpectacularSwaggerView.as_view(url_name="openapi"), name="api-docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="openapi"), name="api-redoc"),
    path("products", ProductListApi.as_view(), name="products"),
    path("products/<slug:code>", ProductDetailApi.as_view(), name="product"),
    path("applications", ApplicationListApi.as_view(), name="applications"),
    path("applications/<str:reference>", ApplicationDetailApi.as_view(), name="application"),
    path(
        "applications/<str:reference>/actions/<str:action>",
        ApplicationActionApi.as_view(),
        name="application-action",
    ),
    path(
        "applications/<str:reference>/documents",
        DocumentListApi.as_view(),
        name="application-documents",
    ),
    path(
        "applications/<str:reference>/documents/<int:document_id>/content",
        DocumentContentApi.as_view(),
        name="application-document-content",
    ),
    path(
        "applications/<str:reference>/notices-of-default",
        NoticeOfDefaultListApi.as_view(),
        name="application-notices-of-default",
    ),
    path("applications/<str:reference>/penalty", PenaltyApi.as_view(), name="application-penalty"),
    path(
        "applications/<str:reference>/objections",
        ObjectionListApi.as_view(),
        name="application-objections",
    ),
    path(
        "applications/<str:reference>/objections/<int:objection_id>",
        ObjectionDetailApi.as_view(),
        name="application-objection",
    ),
    path(
        "applications/<str:reference>/objections/<int:objection_id>/actions/<str:action>",
        ObjectionActionApi.as_view(),
        name="application-objection-action",
    ),
    path(
        "applications/<str:reference>/appeals", AppealListApi.as_view(), name="application-appeals"
    ),
    path(
        "applications/<str:reference>/appeals/<int:appeal_id>",
        AppealDetailApi.as_view(),
        name="application-appeal",
    ),
    path(
        "applications/<str:reference>/appeals/<int:appeal_id>/actions/<str:action>",
        AppealActionApi.as_view(),
        name="application-appeal-action",
    ),
    path("complaints", ComplaintCreateApi.as_view(), name="complaints"),
    path("complaints/<int:complaint_id>", ComplaintDetailApi.as_view(), name="complaint"),
    path(
        "complaints/<int:complaint_id>/actions/<str:action>",
        ComplaintActionApi.as_view(),
        name="complaint-action",
    ),
]
