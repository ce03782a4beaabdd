"""Errors that service functions raise, each meaning one thing to a user.

The API turns them into problem+json (400 invalid input, 409 conflict with the
current state, 403 not allowed); screens turn them into form errors. Messages are
written for the person who must act on them.
"""


class DomainError(Exception):
    status = 400
    title = "The request cannot be carried out."

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


class InvalidInput(DomainError):
    status = 400
    title = "Invalid input."


class Conflict(DomainError):
    """Not possible in the current state of the application."""

    status = 409
    title = "Not possible in the current state."


class NotAllowed(DomainError):
    status = 403
    title = "You are not allowed to do this."
