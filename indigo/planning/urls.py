from django.urls import path

from indigo.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.planning, name="planning"),
    path("runs/<int:run_id>", views.run_detail, name="run"),
]
