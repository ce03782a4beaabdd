from django.urls import path

from indigo.quality import views

app_name = "quality"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("measures.csv", views.dashboard_csv, name="dashboard-csv"),
    path("chain", views.chain, name="chain"),
    path("pulse", views.pulse, name="pulse"),
    path("report/<int:year>-<int:month>.pdf", views.monthly_report, name="monthly-report"),
]
