"""Who may see which application: decided here, in one place.

`applications_visible_to` is the only way lists and detail pages find applications,
so a list can never show what a detail page would refuse. It combines small named
rules (settings.INDIGO_VISIBILITY_RULES, in the manner of AUTHENTICATION_BACKENDS):
each takes the user and today's date and returns a filter of the applications it
lets the user see, or None; an application is visible when any rule lets it be.

- Staff see the applications of the processes their units handle
  (`indigo.cases.visibility`), and any application with a task assigned to them;
  specialists also see those with an open task in their specialism queues, except
  applications of a confidential product (asylum): those only the units of its process
  and the people actually working on them may see (`indigo.work.visibility`).
- Applicants see their own applications (`indigo.cases.visibility`).
- Sponsor users (recognised sponsors, erkend referenten) see exactly the applications
  that the sponsor organisations they work for filed (`indigo.sponsors.visibility`).
- A superuser (technical admin) sees all.
"""

from functools import cache

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.module_loading import import_string

from indigo import clock
from indigo.audit.services import processing_record
from indigo.cases.models import Application


@cache
def visibility_rules() -> tuple:
    return tuple(import_string(path) for path in settings.INDIGO_VISIBILITY_RULES)


def applications_visible_to(user) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    if user.is_superuser:
        return Application.objects.all()
    today = clock.today()
    visible = Q(pk__in=[])
    for rule in visibility_rules():
        clause = rule(user, today)
        if clause is not None:
            visible |= clause
    return Application.objects.filter(visible)


def application_view_record(*, user, application: Application, context: str) -> None:
    """Record in the processing log that `user` saw this application's personal data
    (an applicant's views of their own application are not logged: it is their own data)."""
    processing_record(user=user, applicant_ids=[application.applicant_id], operation=context)


def applications_seen(*, user, applications, context: str = "") -> None:
    """Record a list page: one processing line per person on it."""
    processing_record(
        user=user, applicant_ids=[a.applicant_id for a in applications], operation=context
    )


def persons_seen(*, user, applicant_ids, context: str = "", activity=None) -> None:
    """Record a page that shows people (a search result, a person's overview)."""
    processing_record(user=user, applicant_ids=applicant_ids, operation=context, activity=activity)
