from django.urls import path

from indigo.work import dashboard, views

app_name = "work"
urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("next", views.get_next, name="get-next"),
    path("tasks/<int:task_id>", views.task_detail, name="task"),
    path("tasks/<int:task_id>/take", views.task_take, name="task-take"),
    path("tasks/<int:task_id>/assign", views.task_assign, name="task-assign"),
    path("tasks/<int:task_id>/return", views.task_return, name="task-return"),
    path("units", dashboard.units, name="units"),
    path("units/<slug:code>", dashboard.unit_detail, name="unit"),
    path("units/<slug:code>/lend", dashboard.unit_lend, name="unit-lend"),
]
