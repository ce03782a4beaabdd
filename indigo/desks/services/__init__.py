"""Appointments at the desks: booking, moving, cancelling, and what the desk records.

Each change is one transaction that writes its event on the application
(`appointment-booked`, `appointment-moved`, `appointment-cancelled`,
`appointment-no-show`, `applicant-identified`, `biometrics-taken`,
`residence-document-issued`). A refused change writes nothing.
"""

from indigo.desks.services.booking import appointment_book, appointment_cancel, appointment_move
from indigo.desks.services.visits import (
    appointment_identify,
    appointment_no_show_record,
    biometrics_record,
    residence_document_issue,
)

__all__ = [
    "appointment_book",
    "appointment_cancel",
    "appointment_identify",
    "appointment_move",
    "appointment_no_show_record",
    "biometrics_record",
    "residence_document_issue",
]
