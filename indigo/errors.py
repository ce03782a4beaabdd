"""Errors that service functions raise, each meaning one thing to a user.

The API turns them into problem+json (400 invalid input, 409 conflict with the
current state, 403 not allowed); screens turn them into form errors. Messages are
written for the person who must act on them, in their language: raise them with
`gettext("… %(name)s …") % {...}`, a whole sentence with named placeholders, so the
message is translated in the language active when it is raised. Machine-readable
facts (an action or task code) belong in `code` and `field`, not only in the text.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status = 400
    title = _("The request cannot be carried out.")

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        message = str(message)
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


class InvalidInput(DomainError):
    status = 400
    title = _("Invalid input.")


class Conflict(DomainError):
    """Not possible in the current state of the application."""

    status = 409
    title = _("Not possible in the current state.")


class NotAllowed(DomainError):
    status = 403
    title = _("You are not allowed to do this.")


def day(value: date) -> str:
    """A date inside a message, as people write it in the active language
    (`2 March 2026`, `2 maart 2026`)."""
    return date_format(value, "j F Y")
