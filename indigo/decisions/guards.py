"""Guards shared by the services that decide: the row lock and who may decide."""

from django.utils.translation import gettext as _

from indigo.cases.access import applications_visible_to
from indigo.cases.models import Application
from indigo.errors import NotAllowed
from indigo.organisation.permissions import Action, may
from indigo.work.services import owner_of


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("product", "product_version", "customer_group", "applicant")
        .get(pk=application.pk)
    )


def _check_may_decide(
    *, actor, application: Application, action: Action = Action.DECISION_RECORD
) -> None:
    if not may(actor, action, application=application):
        raise NotAllowed(_("Only a caseworker can decide on an application."))
    if not applications_visible_to(actor).filter(pk=application.pk).exists():
        raise NotAllowed(_("You have no access to this application."))
    owner = owner_of(application)
    if owner is not None and owner.pk != actor.pk:
        raise NotAllowed(
            _(
                "%(name)s owns this application and decides on it. Ask them, or have the "
                "ownership reassigned to you first."
            )
            % {"name": owner.get_full_name() or owner.get_username()},
            code="not-owner",
        )
