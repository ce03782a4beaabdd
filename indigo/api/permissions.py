"""Who may call which operation of the API: one table and the lookups, in one place.

Every endpoint asks this module two questions:

1. *May this kind of user call this operation at all?* — `require(user, operation)`.
   `ACCESS` maps each operation of the OpenAPI document to an action of the one role-by-action
   table (`indigo.organisation.permissions`) that the staff screens, "Get next"
   and the services consult as well; there is no second role list here. A "no" is a
   403: it depends only on who the caller is, so it reveals nothing.
2. *Which objects may the caller see?* — `application_for`, `task_for`,
   `appointment_for`, `person_for`, … built on the same visibility selector as the
   screens (`indigo.cases.access.applications_visible_to`) and the same selectors of
   the apps. Anything the caller may not see is a 404 that reads exactly like one for
   an object that does not exist.

Whether a step is possible now, and the finer rules (the owner decides, four eyes on a
refusal, which task one takes, desk staff only at their own desk), stay in the
services the screens call, which ask the same table; their refusals come back as
problem+json (403 / 409).
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound

from indigo.accounts.roles import STAFF_ROLES, roles_of
from indigo.cases import selectors as case_selectors
from indigo.cases.access import applications_visible_to
from indigo.cases.models import Applicant, Application, InformationRequest
from indigo.contacts import selectors as contact_selectors
from indigo.desks.models import Appointment
from indigo.desks.selectors import desks_of
from indigo.organisation import permissions as table
from indigo.organisation.models import Unit
from indigo.organisation.permissions import Action
from indigo.sponsors import selectors as sponsor_selectors
from indigo.work.models import Task

STAFF = frozenset(STAFF_ROLES)


@dataclass(frozen=True)
class Rule:
    """The action of the role table an operation is; `actions` names the action per
    action of an action endpoint (an action not named there is `action`). `public`: no
    login needed (the catalog). An operation that is neither public nor has an action
    is refused to everyone (and fails the contract test).
    `conflicts`: the operation can be refused with a 409 (not possible now)."""

    action: Action | None
    conflicts: bool = False
    actions: dict[str, Action] = field(default_factory=dict)
    public: bool = False

    def all_actions(self) -> set[Action]:
        return ({self.action} if self.action else set()) | set(self.actions.values())


PUBLIC = Rule(None, public=True)

# operation id (OpenAPI) → the action of `indigo.organisation.permissions.TABLE`.
ACCESS: dict[str, Rule] = {
    # Catalog: public information.
    "products_list": PUBLIC,
    "products_retrieve": PUBLIC,
    # Applications and their dossier: everyone, narrowed by visibility; each lifecycle
    # step is its own `step:*` action (indigo.cases.services.application_act).
    "applications_list": Rule(Action.APPLICATION_VIEW),
    "applications_create": Rule(Action.APPLICATION_CREATE),
    "applications_retrieve": Rule(Action.APPLICATION_VIEW),
    "applications_action": Rule(Action.APPLICATION_VIEW, conflicts=True),
    "documents_list": Rule(Action.APPLICATION_VIEW),
    "documents_create": Rule(Action.DOCUMENT_ADD),
    "documents_content": Rule(Action.APPLICATION_VIEW),
    # Work: which task one may take, complete or return, the task:* actions decide in
    # indigo.work.services, as for the screens.
    "tasks_list": Rule(Action.TASK_WORK),
    "tasks_retrieve": Rule(Action.TASK_WORK),
    "tasks_next": Rule(Action.TASK_GET_NEXT),
    "tasks_action": Rule(
        Action.TASK_WORK,
        conflicts=True,
        actions={
            "take": Action.TASK_WORK,
            "complete": Action.TASK_WORK,
            "assign": Action.TASK_WORK,
            "return": Action.TASK_WORK,
        },
    ),
    "advice_requests_create": Rule(Action.ADVICE_REQUEST, conflicts=True),
    # Assessment and decision: the dossier.
    "facts_list": Rule(Action.DOSSIER_VIEW),
    # The intended refusal (voornemen) and the written view (zienswijze), issue 10.
    "applications_intention_retrieve": Rule(Action.DOSSIER_VIEW),
    "applications_intention_create": Rule(Action.DECISION_RECORD, conflicts=True),
    "applications_intention_view": Rule(Action.DECISION_RECORD, conflicts=True),
    "facts_create": Rule(Action.FACT_SUBMIT, conflicts=True),
    "findings_retrieve": Rule(Action.DOSSIER_VIEW),
    "decision_retrieve": Rule(Action.DOSSIER_VIEW),
    "decision_record": Rule(Action.DECISION_RECORD, conflicts=True),
    "decision_approve": Rule(Action.DECISION_APPROVE, conflicts=True),
    "decision_fast_track": Rule(Action.DECISION_FAST_TRACK, conflicts=True),
    # Requests to the applicant.
    "information_requests_list": Rule(Action.REQUEST_VIEW),
    "information_requests_create": Rule(Action.REQUEST_CREATE, conflicts=True),
    "information_requests_reply": Rule(Action.REQUEST_REPLY, conflicts=True),
    # Persons (contact centre, desks, caseworkers).
    "persons_search": Rule(Action.PERSON_VIEW),
    "persons_retrieve": Rule(Action.PERSON_VIEW),
    "persons_contacts_create": Rule(Action.CONTACT_LOG),
    # Desks and appointments.
    "desks_list": Rule(Action.DESK_SLOTS),
    "desks_slots": Rule(Action.DESK_SLOTS),
    "appointments_create": Rule(Action.APPOINTMENT_BOOK, conflicts=True),
    "appointments_retrieve": Rule(Action.APPOINTMENT_VIEW),
    "appointments_action": Rule(
        Action.APPOINTMENT_BOOK,
        conflicts=True,
        actions={
            "move": Action.APPOINTMENT_BOOK,
            "cancel": Action.APPOINTMENT_BOOK,
            "identify": Action.DESK_IDENTIFY,
            "biometrics": Action.DESK_BIOMETRICS,
            "hand-out": Action.DESK_HAND_OUT,
            "no-show": Action.DESK_NO_SHOW,
        },
    ),
    # Recognised sponsors.
    "sponsor_applications_list": Rule(Action.SPONSOR_APPLY),
    "sponsor_applications_create": Rule(Action.SPONSOR_APPLY),
    "sponsor_applications_bulk": Rule(Action.SPONSOR_APPLY),
    "applications_vouch": Rule(Action.SPONSOR_VOUCH, conflicts=True),
    "sponsor_change_reports_create": Rule(Action.SPONSOR_REPORT_CHANGE),
    # Units and their figures (managers' dashboard).
    "units_list": Rule(Action.UNITS_VIEW),
    "units_retrieve": Rule(Action.UNITS_VIEW),
    # After the decision: objections, appeals, notices of default and the penalty.
    "objections_list": Rule(Action.APPLICATION_VIEW),
    "objections_create": Rule(Action.OBJECTION_HANDLE, conflicts=True),
    "objections_retrieve": Rule(Action.APPLICATION_VIEW),
    "objections_action": Rule(Action.OBJECTION_HANDLE, conflicts=True),
    "appeals_list": Rule(Action.APPLICATION_VIEW),
    "appeals_create": Rule(Action.APPEAL_HANDLE, conflicts=True),
    "appeals_retrieve": Rule(Action.APPLICATION_VIEW),
    "appeals_action": Rule(Action.APPEAL_HANDLE, conflicts=True),
    "notices_of_default_list": Rule(Action.PENALTY_HANDLE),
    "notices_of_default_create": Rule(Action.PENALTY_HANDLE, conflicts=True),
    "penalty_retrieve": Rule(Action.PENALTY_HANDLE),
    # Complaints: anyone logged in lodges one and sees their own; staff handle them.
    "complaints_create": Rule(Action.COMPLAINT_LODGE),
    "complaints_retrieve": Rule(Action.COMPLAINT_VIEW),
    "complaints_action": Rule(Action.COMPLAINT_HANDLE, conflicts=True),
    # Quality measures (which units: indigo.quality.access.units_visible_to).
    "measures_list": Rule(Action.MEASURES_VIEW),
    # Partner agencies.
    "residence_status": Rule(Action.PARTNER_RESIDENCE),
    "chain_figures": Rule(Action.UNITS_VIEW),
    "partner_reports_create": Rule(Action.PARTNER_REPORT),
    "subscriptions_list": Rule(Action.PARTNER_SUBSCRIBE),
    "subscriptions_create": Rule(Action.PARTNER_SUBSCRIBE),
    "subscriptions_retrieve": Rule(Action.PARTNER_SUBSCRIBE),
    "subscriptions_destroy": Rule(Action.PARTNER_SUBSCRIBE),
}


def action_of(operation: str, action: str | None = None) -> Action | None:
    """The action of the role table `operation` (with `action`) is."""
    rule = ACCESS[operation]
    if action is not None and action in rule.actions:
        return rule.actions[action]
    return rule.action


def may(user, operation: str, action: str | None = None) -> bool:
    """May `user` call `operation` (with `action`)? The role table answers. Unknown
    operations: no."""
    rule = ACCESS.get(operation)
    if rule is None:
        return False
    if rule.public:
        return True
    wanted = action_of(operation, action)
    return wanted is not None and table.may(user, wanted)


def require(user, operation: str, action: str | None = None) -> None:
    """403 (problem+json, code `role-not-allowed`) unless the role table allows it."""
    if ACCESS[operation].public:
        return
    wanted = action_of(operation, action)
    if wanted is None:
        raise table.RoleNotAllowed(
            _("Your role does not allow this operation."), code="role-not-allowed"
        )
    table.require(user, wanted)


def door(view_class, **operations: str):
    """`view_class` (an APIView of another app, which cannot import this module) that
    asks the role table first: `operations` maps each HTTP method to its operation id,
    e.g. ``door(ObjectionListApi, get="objections_list", post="objections_create")``.
    Authentication comes first (401), then the role (403), then the view's own
    lookups (404) and services."""

    def initial(self, request, *args, **kwargs):
        view_class.initial(self, request, *args, **kwargs)
        operation = operations.get(request.method.lower())
        if operation is not None:
            require(request.user, operation, kwargs.get("action"))

    return type(view_class.__name__, (view_class,), {"initial": initial})


# --- what the caller may see: 404 for anything else ------------------------------------


def application_for(user, reference: str) -> Application:
    try:
        return case_selectors.application_get(user=user, reference=reference)
    except Application.DoesNotExist:
        # The same answer whether it does not exist or is not yours.
        raise NotFound(
            _("No application with reference %(reference)s that you can see.")
            % {"reference": reference}
        ) from None


def sponsored_application_for(user, reference: str) -> Application:
    """An application one of the caller's sponsor organisations filed."""
    try:
        return sponsor_selectors.sponsored_application_get(user=user, reference=reference)
    except Application.DoesNotExist:
        raise NotFound(
            _("No application with reference %(reference)s that you can see.")
            % {"reference": reference}
        ) from None


def tasks_visible_to(user) -> QuerySet[Task]:
    """The tasks on applications the user may see (as the task screen decides)."""
    return Task.objects.filter(application__in=applications_visible_to(user))


def task_for(user, task_id: int) -> Task:
    task = (
        tasks_visible_to(user)
        .select_related("application__product", "assignee", "definition")
        .filter(pk=task_id)
        .first()
    )
    if task is None:
        raise NotFound(_("No task %(id)s that you can see.") % {"id": task_id})
    return task


def own_task_for(user, task_id: int) -> Task:
    """A task for an action only its assignee may take (complete, return): one assigned
    to someone else is a 404, as if it did not exist. An unassigned one is returned, so
    the service can say what is possible (take it first)."""
    task = task_for(user, task_id)
    if task.assignee_id is not None and task.assignee_id != user.pk:
        raise NotFound(_("No task %(id)s of yours.") % {"id": task_id})
    return task


def information_request_for(application: Application, request_id: int) -> InformationRequest:
    request = application.information_requests.filter(pk=request_id).first()
    if request is None:
        raise NotFound(
            _("Application %(reference)s has no information request %(id)s.")
            % {"reference": application.reference, "id": request_id}
        )
    return request


def person_for(user, person_id: int):
    """The one view of a person (`indigo.contacts.selectors.person_overview`): only
    someone with an application the user may see."""
    applicant = Applicant.objects.filter(pk=person_id).first()
    try:
        if applicant is None:
            raise Applicant.DoesNotExist
        return contact_selectors.person_overview(user=user, applicant=applicant)
    except Applicant.DoesNotExist:
        raise NotFound(_("No person %(id)s that you can see.") % {"id": person_id}) from None


def appointments_visible_to(user) -> QuerySet[Appointment]:
    """An applicant's own appointments, those of applications a member of staff may see
    (who may book for them), and every appointment at the desks the user works at."""
    visible = applications_visible_to(user)
    own = Q(application__in=visible, applicant__user=user)
    mine = own
    if roles_of(user) & STAFF:
        mine = Q(application__in=visible) | Q(desk__in=desks_of(user=user))
    return Appointment.objects.filter(mine)


def appointment_for(user, appointment_id: int) -> Appointment:
    appointment = (
        appointments_visible_to(user)
        .select_related("desk", "appointment_type", "applicant", "application__product")
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None:
        raise NotFound(_("No appointment %(id)s that you can see.") % {"id": appointment_id})
    return appointment


def unit_for(user, code: str) -> Unit:
    unit = Unit.objects.select_related("location").filter(code=code).first()
    if unit is None:
        raise NotFound(_("There is no unit %(code)s.") % {"code": code})
    return unit
