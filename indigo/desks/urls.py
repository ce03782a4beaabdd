from django.urls import path

from indigo.desks.views import applicant, desk

app_name = "desks"
urlpatterns = [
    # Applicants
    path("appointments", applicant.my_appointments, name="my-appointments"),
    path("appointments/<int:pk>", applicant.appointment_detail, name="appointment"),
    path("appointments/<int:pk>/move", applicant.move, name="move"),
    path("appointments/<int:pk>/move/confirm", applicant.move_confirm, name="move-confirm"),
    path("appointments/<int:pk>/cancel", applicant.cancel, name="cancel"),
    path("book", applicant.book, name="book"),
    path("book/confirm", applicant.book_confirm, name="book-confirm"),
    # Desk staff
    path("desk", desk.desk_day, name="desk-day"),
    path("desk/appointments/<int:pk>", desk.desk_appointment, name="desk-appointment"),
    path("desk/appointments/<int:pk>/identify", desk.identify, name="identify"),
    path("desk/appointments/<int:pk>/biometrics", desk.biometrics, name="biometrics"),
    path("desk/appointments/<int:pk>/residence-document", desk.issue, name="issue"),
    path("desk/appointments/<int:pk>/no-show", desk.no_show, name="no-show"),
]
