"""The events the desks write on an application, with their labels for a timeline.

`indigo.staff`'s timeline names events through its own table; these labels are here
for it (and any other screen) to use.
"""

from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "appointment-booked": _("Appointment at a desk booked"),
    "appointment-moved": _("Appointment at a desk moved"),
    "appointment-cancelled": _("Appointment at a desk cancelled"),
    "appointment-no-show": _("Applicant did not come to the appointment"),
    "applicant-identified": _("Applicant identified at the desk"),
    "biometrics-taken": _("Biometrics taken at the desk"),
    "residence-document-issued": _("Residence document handed out"),
}
