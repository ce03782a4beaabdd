"""Reading objections (always through an application the user may see)."""

from django.db.models import QuerySet

from indigo.cases.models import Application
from indigo.objections.models import Objection


def objections_of(*, application: Application) -> QuerySet[Objection]:
    return application.objections.select_related("minutes").order_by("lodged_on", "id")


def open_objection(*, application: Application) -> Objection | None:
    return application.objections.filter(outcome="").first()
