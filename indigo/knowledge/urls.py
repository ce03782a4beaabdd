from django.urls import path

from indigo.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.knowledge, name="search"),
    path("<slug:code>", views.answer, name="answer"),
]
