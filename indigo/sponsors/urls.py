from django.urls import path

from indigo.sponsors import views

app_name = "sponsors"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("apply", views.apply, name="apply"),
    path("upload", views.upload, name="upload"),
    path("upload/example.csv", views.csv_example, name="csv-example"),
    path("uploads/<int:upload_id>", views.upload_status, name="upload-status"),
    path("applications/<str:reference>", views.application_detail, name="application-detail"),
    path("applications/<str:reference>/vouch", views.vouch, name="vouch"),
    path("applications/<str:reference>/information", views.statements, name="statements"),
    path("applications/<str:reference>/changes", views.report_change, name="report-change"),
]
