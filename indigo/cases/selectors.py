"""Reads of applications, always through `applications_visible_to`."""

from datetime import date

from django.db.models import QuerySet

from indigo.accounts.roles import is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.event_kinds import APPLICANT_VISIBLE
from indigo.cases.models import Application


def application_list(
    *,
    user,
    status: str | None = None,
    product: str | None = None,
    due_before: date | None = None,
) -> QuerySet[Application]:
    # The deadline of each row is computed from its version and suspensions: loaded
    # with the page, so the page's queries do not grow with its rows.
    qs = (
        applications_visible_to(user)
        .select_related("product", "product_version", "applicant", "customer_group")
        .prefetch_related("suspensions")
    )
    if status:
        qs = qs.filter(status=status)
    if product:
        qs = qs.filter(product__code=product)
    if due_before:
        qs = qs.filter(decision_due__lt=due_before)
    return qs.order_by("-received_on", "-id")


def application_get(*, user, reference: str) -> Application:
    """The application, or Application.DoesNotExist when the user may not see it."""
    return (
        applications_visible_to(user)
        .select_related("product", "product_version", "applicant", "customer_group")
        .get(reference=reference)
    )


def application_events(*, application: Application, user):
    """The history; an applicant (or a sponsor) sees only the steps of the application
    (`indigo.cases.event_kinds.APPLICANT_VISIBLE`), not the agency's internal work."""
    events = application.events.select_related("actor", "application__applicant").order_by(
        "occurred_at", "id"
    )
    if not is_staff_member(user):
        events = events.filter(action__in=APPLICANT_VISIBLE)
    return events
