"""Who may see which application: decided here, in one place.

`applications_visible_to` is the only way lists and detail pages find applications,
so a list can never show what a detail page would refuse.

- Staff see the applications of the processes their units handle, and any
  application on which a task is assigned to them.
- Specialists also see the applications with an open task in their specialism
  queues, except asylum files: those only asylum units and the specialists actually
  working on them (an assigned task) may see.
- Applicants see their own applications.
- Sponsor users (recognised sponsors, erkend referenten) see exactly the applications
  that the sponsor organisations they work for filed (`indigo.sponsors`).
- A superuser (technical admin) sees all.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from indigo import clock
from indigo.accounts.roles import Role, is_staff_member, roles_of
from indigo.cases.models import Application, ApplicationView
from indigo.organisation.selectors import processes_of, queues_of

ASYLUM = "asylum"


def applications_visible_to(user) -> QuerySet[Application]:
    from indigo.work.models import Task

    if not user.is_authenticated:
        return Application.objects.none()
    if user.is_superuser:
        return Application.objects.all()
    visible = Q(pk__in=[])
    if is_staff_member(user):
        today = clock.today()
        processes = processes_of(user=user, on=today)
        if processes:
            visible |= Q(product__process__in=processes)
        tasks = Task.objects.filter(application=OuterRef("pk"))
        visible |= Exists(tasks.filter(assignee=user))
        specialisms = {q for q in queues_of(user=user, on=today) if q.startswith("specialism:")}
        if specialisms:
            visible |= Exists(tasks.filter(state="open", queue__in=specialisms)) & ~Q(
                product__process=ASYLUM
            )
    if Role.APPLICANT in roles_of(user):
        visible |= Q(applicant__user=user)
    if Role.SPONSOR in roles_of(user):
        from indigo.sponsors.selectors import sponsored_by_organisations_of

        visible |= sponsored_by_organisations_of(user)
    return Application.objects.filter(visible)


def application_view_record(*, user, application: Application, context: str) -> None:
    """Record that a member of staff saw this application (applicants' own views are not
    logged: it is their own data)."""
    if is_staff_member(user):
        ApplicationView.objects.create(
            application=application, user=user, at=clock.now(), context=context
        )
