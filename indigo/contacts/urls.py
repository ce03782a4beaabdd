from django.urls import path

from indigo.contacts import views

app_name = "contacts"
urlpatterns = [
    path("persons", views.person_search, name="person-search"),
    path("persons/<int:applicant_id>", views.person_detail, name="person-detail"),
]
