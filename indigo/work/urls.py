from django.urls import path

from indigo.work import views

app_name = "work"
urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("next", views.get_next, name="get-next"),
    path("tasks/<int:task_id>", views.task_detail, name="task"),
    path("units", views.worklist, name="units"),  # replaced by the unit dashboard
]
