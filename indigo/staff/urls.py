from django.urls import path

from indigo.staff import views

app_name = "staff"
urlpatterns = [
    path("applications", views.application_list, name="application-list"),
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
]
