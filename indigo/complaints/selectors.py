"""Reading complaints: who may see which, the lists to steer on, and the counts."""

from datetime import date

from django.db.models import Count, F, Q, QuerySet

from indigo.accounts.roles import is_staff_member
from indigo.cases.models import Application
from indigo.complaints.models import Complaint


def complaints_visible_to(user) -> QuerySet[Complaint]:
    """Staff see every complaint; a complainant only their own."""
    if is_staff_member(user):
        return Complaint.objects.all()
    if not user.is_authenticated:
        return Complaint.objects.none()
    return Complaint.objects.filter(account=user)


def complaint_get(*, user, complaint_id: int) -> Complaint:
    return complaints_visible_to(user).select_related("application", "handler").get(pk=complaint_id)


def complaints_open(*, handler=None) -> QuerySet[Complaint]:
    """Open complaints, the answer due soonest first (steered on like any deadline)."""
    qs = Complaint.objects.filter(answered_on__isnull=True).select_related("application", "handler")
    if handler is not None:
        qs = qs.filter(handler=handler)
    return qs.order_by("answer_due", "id")


def handling_time_complaints_of(*, application: Application) -> QuerySet[Complaint]:
    return application.complaints.filter(
        category=Complaint.Category.HANDLING_TIME, answered_on__isnull=True
    )


def complaint_counts(*, start: date, end: date) -> dict:
    """Complaints received in [start, end]: per category and how many were answered in
    time (for the quality measures)."""
    qs = Complaint.objects.filter(received_on__gte=start, received_on__lte=end)
    totals = qs.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(answered_on__isnull=False)),
        answered_in_time=Count(
            "pk", filter=Q(answered_on__isnull=False, answered_on__lte=F("answer_due"))
        ),
    )
    per_category = dict(qs.values_list("category").annotate(n=Count("pk")).order_by())
    return {**totals, "per_category": per_category}
