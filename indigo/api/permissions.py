"""Who may call which operation of the API: one table and the lookups, in one place.

Every endpoint asks this module, and only this module, two questions:

1. *May this kind of user call this operation at all?* — `require(user, operation)`,
   from the role table `ACCESS` (operation id of the OpenAPI document → roles). A "no"
   is a 403: it depends only on who the caller is, so it reveals nothing.
2. *Which objects may the caller see?* — `application_for`, `task_for`,
   `appointment_for`, `person_for`, … built on the same visibility selector as the
   screens (`indigo.cases.access.applications_visible_to`) and the same selectors of
   the apps. Anything the caller may not see is a 404 that reads exactly like one for
   an object that does not exist.

Whether a step is possible now, and the finer rules (the owner decides, four eyes on a
refusal, desk staff only at their own desk), stay in the services the screens call;
their refusals come back as problem+json (403 / 409).

The role table is meant to become the one role-by-action table shared with the screens
and "get next"; until then the screens keep their own decorators, which this table
mirrors (staff_required, manager_required, desk_staff_required, sponsor_required).
"""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, PermissionDenied

from indigo.accounts.roles import STAFF_ROLES, Role, roles_of
from indigo.cases import selectors as case_selectors
from indigo.cases.access import applications_visible_to
from indigo.cases.models import Applicant, Application, InformationRequest
from indigo.contacts import selectors as contact_selectors
from indigo.desks.models import Appointment
from indigo.desks.selectors import desks_of
from indigo.organisation.models import Unit
from indigo.sponsors import selectors as sponsor_selectors
from indigo.work.models import Task

R = Role
STAFF = frozenset(STAFF_ROLES)
ANYONE = frozenset(Role)
PUBLIC = frozenset()  # no login needed
CASE_HANDLERS = frozenset({R.CASEWORKER, R.MANAGER, R.ADMIN})
DECIDERS = frozenset({R.CASEWORKER})  # indigo.accounts.roles.CASEWORKER_ROLES
MANAGERS = frozenset({R.MANAGER, R.ADMIN})
DESK_STAFF = frozenset({R.DESK, R.ADMIN})
SPONSORS = frozenset({R.SPONSOR})
APPLICANT = frozenset({R.APPLICANT})
PARTNERS = frozenset({R.PARTNER})


@dataclass(frozen=True)
class Rule:
    """Who may call an operation; `actions` narrows it per action of an action endpoint.
    `conflicts`: the operation can be refused with a 409 (not possible now)."""

    roles: frozenset
    conflicts: bool = False
    actions: dict[str, frozenset] = field(default_factory=dict)

    @property
    def public(self) -> bool:
        return not self.roles


# operation id (OpenAPI) → who may call it.
ACCESS: dict[str, Rule] = {
    # Catalog: public information.
    "products_list": Rule(PUBLIC),
    "products_retrieve": Rule(PUBLIC),
    # Applications and their dossier: everyone, filtered by visibility; the lifecycle
    # table (indigo.cases.lifecycle) says per step which roles may take it.
    "applications_list": Rule(ANYONE),
    "applications_create": Rule(STAFF | APPLICANT),
    "applications_retrieve": Rule(ANYONE),
    "applications_action": Rule(ANYONE, conflicts=True),
    "documents_list": Rule(ANYONE),
    "documents_create": Rule(ANYONE),
    "documents_content": Rule(ANYONE),
    # Work.
    "tasks_list": Rule(STAFF),
    "tasks_retrieve": Rule(STAFF),
    "tasks_next": Rule(STAFF),
    "tasks_action": Rule(
        STAFF,
        conflicts=True,
        actions={
            "take": STAFF,
            "complete": STAFF,
            "assign": STAFF,
            "return": STAFF,
        },
    ),
    # Advice on request: the owner of the case (indigo.work.services.advice_request).
    "advice_requests_create": Rule(DECIDERS, conflicts=True),
    # Assessment and decision.
    "facts_list": Rule(STAFF),
    # Staff record facts from any source; applicants and sponsors only their own
    # statements (indigo.rules.services.fact_record).
    "facts_create": Rule(STAFF | APPLICANT | SPONSORS, conflicts=True),
    "findings_retrieve": Rule(STAFF),
    "decision_retrieve": Rule(STAFF),
    "decision_record": Rule(DECIDERS, conflicts=True),
    "decision_approve": Rule(DECIDERS, conflicts=True),
    "decision_fast_track": Rule(DECIDERS, conflicts=True),
    # Requests to the applicant.
    "information_requests_list": Rule(STAFF | APPLICANT),
    "information_requests_create": Rule(CASE_HANDLERS, conflicts=True),
    "information_requests_reply": Rule(STAFF | APPLICANT, conflicts=True),
    # Persons (contact centre, desks, caseworkers).
    "persons_search": Rule(STAFF),
    "persons_retrieve": Rule(STAFF),
    "persons_contacts_create": Rule(STAFF),
    # Desks and appointments.
    "desks_list": Rule(ANYONE),
    "desks_slots": Rule(ANYONE),
    "appointments_create": Rule(STAFF | APPLICANT, conflicts=True),
    "appointments_retrieve": Rule(STAFF | APPLICANT),
    "appointments_action": Rule(
        STAFF | APPLICANT,
        conflicts=True,
        actions={
            "move": STAFF | APPLICANT,
            "cancel": STAFF | APPLICANT,
            "identify": DESK_STAFF,
            "biometrics": DESK_STAFF,
            "hand-out": DESK_STAFF,
            "no-show": DESK_STAFF,
        },
    ),
    # Recognised sponsors.
    "sponsor_applications_list": Rule(SPONSORS),
    "sponsor_applications_create": Rule(SPONSORS),
    "sponsor_applications_bulk": Rule(SPONSORS),
    "applications_vouch": Rule(SPONSORS, conflicts=True),
    "sponsor_change_reports_create": Rule(SPONSORS),
    # Units and their figures (managers' dashboard).
    "units_list": Rule(MANAGERS),
    "units_retrieve": Rule(MANAGERS),
    # After the decision: objections, appeals, notices of default and the penalty
    # (staff register them; the services refuse anyone else).
    "objections_list": Rule(ANYONE),
    "objections_create": Rule(STAFF, conflicts=True),
    "objections_retrieve": Rule(ANYONE),
    "objections_action": Rule(STAFF, conflicts=True),
    "appeals_list": Rule(ANYONE),
    "appeals_create": Rule(STAFF, conflicts=True),
    "appeals_retrieve": Rule(ANYONE),
    "appeals_action": Rule(STAFF, conflicts=True),
    "notices_of_default_list": Rule(STAFF),
    "notices_of_default_create": Rule(STAFF, conflicts=True),
    "penalty_retrieve": Rule(STAFF),
    # Complaints: anyone logged in lodges one and sees their own; staff handle them.
    "complaints_create": Rule(ANYONE),
    "complaints_retrieve": Rule(ANYONE),
    "complaints_action": Rule(STAFF, conflicts=True),
    # Quality measures: managers their units, the directorate and the chain all
    # (indigo.quality.access.units_visible_to).
    "measures_list": Rule(MANAGERS),
    # Partner agencies.
    "residence_status": Rule(PARTNERS),
    "partner_reports_create": Rule(PARTNERS),
    "subscriptions_list": Rule(PARTNERS),
    "subscriptions_create": Rule(PARTNERS),
    "subscriptions_retrieve": Rule(PARTNERS),
    "subscriptions_destroy": Rule(PARTNERS),
}


def may(user, operation: str, action: str | None = None) -> bool:
    """May `user` call `operation` (with `action`)? Unknown operations: no."""
    rule = ACCESS.get(operation)
    if rule is None:
        return False
    if rule.public:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    roles = rule.actions.get(action, rule.roles) if action is not None else rule.roles
    return bool(roles_of(user) & roles)


def require(user, operation: str, action: str | None = None) -> None:
    """403 unless the caller's role may call the operation."""
    if not may(user, operation, action):
        raise PermissionDenied(_("Your role does not allow this operation."))


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
