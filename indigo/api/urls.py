from django.urls import path
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularRedocView,
    SpectacularSwaggerView,
)
from rest_framework.permissions import AllowAny

from indigo.api.applications import ApplicationActionApi, ApplicationDetailApi, ApplicationListApi
from indigo.api.documents import DocumentContentApi, DocumentListApi
from indigo.api.partners import ChainFiguresApi, PartnerReportApi, ResidenceStatusApi
from indigo.api.subscriptions import SubscriptionDetailApi, SubscriptionListApi
from indigo.catalog.api import ProductDetailApi, ProductListApi

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
    path("residence-status", ResidenceStatusApi.as_view(), name="residence-status"),
    path("chain-figures", ChainFiguresApi.as_view(), name="chain-figures"),
    path("partner-reports", PartnerReportApi.as_view(), name="partner-reports"),
    path("subscriptions", SubscriptionListApi.as_view(), name="subscriptions"),
    path(
        "subscriptions/<uuid:subscription_id>",
        SubscriptionDetailApi.as_view(),
        name="subscription",
    ),
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
]
