"""Reads of applications, always through `applications_visible_to`."""

from datetime import date

from django.db.models import QuerySet

from indigo.accounts.roles import is_staff_member
from indigo.cases.access import applications_visible_to
from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Application


def application_list(
    *,
    user,
    status: str | None = None,
    product: str | None = None,
    due_before: date | None = None,
) -> QuerySet[Application]:
    qs = applications_visible_to(user).select_related("product", "applicant")
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


# What an applicant sees of the history: the steps of their application, not the
# agency's internal work (who owns it, task results, integrity signals).
APPLICANT_VISIBLE_ACTIONS = frozenset(
    {*TRANSITIONS, "receive", "document-uploaded", "request-information", "answer-information"}
)


def application_events(*, application: Application, user):
    events = application.events.select_related("actor").order_by("occurred_at", "id")
    if not is_staff_member(user):
        events = events.filter(action__in=APPLICANT_VISIBLE_ACTIONS)
    return events
