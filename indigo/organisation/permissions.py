"""What each role may do: one table of role by action, and one predicate.

Every screen, "Get next" and the API ask `may(user, action, …)` (or `require`, which
raises) instead of checking roles themselves, so what a menu shows, what a button
offers and what a service accepts cannot drift apart. What a person may *see* is
decided by `indigo.cases.access`; this table decides what they may *do*.

Actions are strings in families (`Action` names them all):

- ``step:<action>``: a lifecycle step (`indigo.cases.lifecycle`), e.g. ``step:notify``;
- ``task:<kind>``: work from queues: ``task:own`` (owning an application: the `handle`
  task), ``task:integral`` (a task of a process queue, e.g. a register check),
  ``task:specialism`` (a task of a specialism queue, e.g. document examination),
  ``task:take`` (the owner takes an open task on their own case), ``task:assign``
  (a manager assigns, reassigns and returns tasks in their units), ``task:get-next``;
- ``advice:request``: the owner asks a specialism or a colleague a question;
- ``fact:record``, ``decision:record``, ``decision:approve``, ``decision:fast-track``;
- ``request:create``: ask the applicant for information (hersteltermijn);
- ``desk:identify``, ``desk:biometrics``, ``desk:hand-out``, ``desk:no-show``,
  ``desk:day``; ``contact:log``, ``person:view``;
- ``dossier:view``, ``dossier:upload``; ``units:view``, ``units:lend``;
  ``applications:list``, ``api:docs``.

Casework (the ``task:*`` families, facts and decisions) is for caseworkers and
specialists. A manager or a contact-centre employee gets casework only when one of
their current memberships says so (`Membership.casework`); then they count as a
caseworker in that unit. "Get next" hands out work only from the queues of
memberships that do casework (`casework_queues_of`).
"""

from datetime import date
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import Role, roles_of
from indigo.errors import NotAllowed
from indigo.organisation.selectors import memberships_on


class Action(StrEnum):
    # Lifecycle steps (indigo.cases.lifecycle), "step:" + the step's action.
    STEP_RECEIVE = "step:receive"
    STEP_START_INTAKE = "step:start-intake"
    STEP_START_ASSESSMENT = "step:start-assessment"
    STEP_PROPOSE_DECISION = "step:propose-decision"
    STEP_REOPEN_ASSESSMENT = "step:reopen-assessment"
    STEP_NOTIFY = "step:notify"
    STEP_CLOSE = "step:close"
    STEP_SUSPEND = "step:suspend"
    STEP_RESUME = "step:resume"
    STEP_EXTEND = "step:extend"
    STEP_WITHDRAW = "step:withdraw"
    STEP_LODGE_OBJECTION = "step:lodge-objection"
    STEP_DECIDE_OBJECTION = "step:decide-objection"
    STEP_ORDER_NEW_DECISION = "step:order-new-decision"
    # Work.
    TASK_OWN = "task:own"
    TASK_INTEGRAL = "task:integral"
    TASK_SPECIALISM = "task:specialism"
    TASK_TAKE = "task:take"
    TASK_ASSIGN = "task:assign"
    TASK_GET_NEXT = "task:get-next"
    ADVICE_REQUEST = "advice:request"
    # Assessing and deciding.
    FACT_RECORD = "fact:record"
    DECISION_RECORD = "decision:record"
    DECISION_APPROVE = "decision:approve"
    DECISION_FAST_TRACK = "decision:fast-track"
    REQUEST_CREATE = "request:create"
    # Desk steps.
    DESK_DAY = "desk:day"
    DESK_IDENTIFY = "desk:identify"
    DESK_BIOMETRICS = "desk:biometrics"
    DESK_HAND_OUT = "desk:hand-out"
    DESK_NO_SHOW = "desk:no-show"
    # Contact with the person.
    PERSON_VIEW = "person:view"
    CONTACT_LOG = "contact:log"
    # The dossier.
    DOSSIER_VIEW = "dossier:view"
    DOSSIER_UPLOAD = "dossier:upload"
    # Managing and looking around.
    UNITS_VIEW = "units:view"
    UNITS_LEND = "units:lend"
    APPLICATIONS_LIST = "applications:list"
    API_DOCS = "api:docs"
    # Issue 12: every operation of the API is one of these actions
    # (`indigo.api.permissions.ACCESS`); what the caller may *see* stays with
    # `indigo.cases.access`, and the finer rules with the services.
    APPLICATION_VIEW = "application:view"
    APPLICATION_CREATE = "application:create"
    DOCUMENT_ADD = "document:add"
    TASK_WORK = "task:work"
    FACT_SUBMIT = "fact:submit"
    REQUEST_VIEW = "request:view"
    REQUEST_REPLY = "request:reply"
    DESK_SLOTS = "desk:slots"
    APPOINTMENT_VIEW = "appointment:view"
    APPOINTMENT_BOOK = "appointment:book"
    SPONSOR_APPLY = "sponsor:apply"
    SPONSOR_VOUCH = "sponsor:vouch"
    SPONSOR_REPORT_CHANGE = "sponsor:report-change"
    OBJECTION_HANDLE = "objection:handle"
    APPEAL_HANDLE = "appeal:handle"
    PENALTY_HANDLE = "penalty:handle"
    COMPLAINT_LODGE = "complaint:lodge"
    COMPLAINT_VIEW = "complaint:view"
    COMPLAINT_HANDLE = "complaint:handle"
    MEASURES_VIEW = "measures:view"
    PARTNER_RESIDENCE = "partner:residence"
    PARTNER_REPORT = "partner:report"
    PARTNER_SUBSCRIBE = "partner:subscribe"


A, CW, MGR, SP, DESK, CC, APP, SPO, PRIV, PTN = (
    Role.ADMIN,
    Role.CASEWORKER,
    Role.MANAGER,
    Role.SPECIALIST,
    Role.DESK,
    Role.CONTACT,
    Role.APPLICANT,
    Role.SPONSOR,
    Role.PRIVACY,
    Role.PARTNER,
)
STAFF = frozenset({A, CW, MGR, SP, DESK, CC})
CASE_HANDLERS = frozenset({CW, MGR, A})
FRONT_OFFICE = CASE_HANDLERS | {DESK}

# The table: action → the roles that may take it. Read it as a matrix by role with
# `actions_of(role)`; the tests print it.
TABLE: dict[Action, frozenset[Role]] = {
    Action.STEP_RECEIVE: frozenset(Role),
    Action.STEP_START_INTAKE: FRONT_OFFICE,
    Action.STEP_START_ASSESSMENT: CASE_HANDLERS,
    Action.STEP_PROPOSE_DECISION: CASE_HANDLERS,
    Action.STEP_REOPEN_ASSESSMENT: CASE_HANDLERS,
    Action.STEP_NOTIFY: CASE_HANDLERS,
    Action.STEP_CLOSE: CASE_HANDLERS,
    Action.STEP_SUSPEND: CASE_HANDLERS,
    Action.STEP_RESUME: CASE_HANDLERS,
    Action.STEP_EXTEND: CASE_HANDLERS,
    Action.STEP_WITHDRAW: FRONT_OFFICE | {APP},
    Action.STEP_LODGE_OBJECTION: FRONT_OFFICE,
    Action.STEP_DECIDE_OBJECTION: CASE_HANDLERS,
    Action.STEP_ORDER_NEW_DECISION: CASE_HANDLERS,
    Action.TASK_OWN: frozenset({CW}),
    Action.TASK_INTEGRAL: frozenset({CW, SP}),
    Action.TASK_SPECIALISM: frozenset({SP}),
    Action.TASK_TAKE: frozenset({CW}),
    Action.TASK_ASSIGN: frozenset({MGR}),
    Action.TASK_GET_NEXT: frozenset({CW, SP}),
    Action.ADVICE_REQUEST: frozenset({CW}),
    Action.FACT_RECORD: frozenset({CW, SP, A}),
    Action.DECISION_RECORD: frozenset({CW}),
    Action.DECISION_APPROVE: frozenset({CW}),
    Action.DECISION_FAST_TRACK: frozenset({CW}),
    Action.REQUEST_CREATE: CASE_HANDLERS,
    Action.DESK_DAY: frozenset({DESK, A}),
    Action.DESK_IDENTIFY: frozenset({DESK}),
    Action.DESK_BIOMETRICS: frozenset({DESK}),
    Action.DESK_HAND_OUT: frozenset({DESK}),
    Action.DESK_NO_SHOW: frozenset({DESK}),
    Action.PERSON_VIEW: frozenset({CC, DESK, CW, MGR, A}),
    Action.CONTACT_LOG: frozenset({CC, DESK, CW, MGR, A}),
    Action.DOSSIER_VIEW: STAFF,
    Action.DOSSIER_UPLOAD: frozenset({A, CW, SP, DESK, MGR}),
    Action.UNITS_VIEW: frozenset({MGR, A}),
    Action.UNITS_LEND: frozenset({MGR}),
    Action.APPLICATIONS_LIST: STAFF,
    Action.API_DOCS: STAFF,
    # Issue 12: the API's operations. "Everyone" where what one sees narrows it.
    Action.APPLICATION_VIEW: frozenset(Role),
    Action.APPLICATION_CREATE: STAFF | {APP},
    Action.DOCUMENT_ADD: frozenset(Role),
    # Which task one takes, completes or returns: the task:* actions above (services).
    Action.TASK_WORK: STAFF,
    # Applicants and sponsors state facts about their own applications; staff sources
    # need fact:record (indigo.rules.services.fact_record).
    Action.FACT_SUBMIT: STAFF | {APP, SPO},
    Action.REQUEST_VIEW: STAFF | {APP},
    Action.REQUEST_REPLY: STAFF | {APP},
    Action.DESK_SLOTS: frozenset(Role),
    Action.APPOINTMENT_VIEW: STAFF | {APP},
    Action.APPOINTMENT_BOOK: STAFF | {APP},
    Action.SPONSOR_APPLY: frozenset({SPO}),
    Action.SPONSOR_VOUCH: frozenset({SPO}),
    Action.SPONSOR_REPORT_CHANGE: frozenset({SPO}),
    Action.OBJECTION_HANDLE: STAFF | {PRIV},
    Action.APPEAL_HANDLE: STAFF | {PRIV},
    Action.PENALTY_HANDLE: STAFF | {PRIV},
    Action.COMPLAINT_LODGE: frozenset(Role),
    Action.COMPLAINT_VIEW: frozenset(Role),
    Action.COMPLAINT_HANDLE: STAFF | {PRIV},
    # Which units' figures: indigo.quality.access.units_visible_to.
    Action.MEASURES_VIEW: STAFF | {PRIV},
    Action.PARTNER_RESIDENCE: frozenset({PTN}),
    Action.PARTNER_REPORT: frozenset({PTN}),
    Action.PARTNER_SUBSCRIBE: frozenset({PTN}),
}

# Actions a manager or contact-centre employee may take once a membership says they do
# casework (they then count as a caseworker in that unit).
CASEWORK = frozenset(
    {
        Action.TASK_OWN,
        Action.TASK_INTEGRAL,
        Action.TASK_TAKE,
        Action.TASK_GET_NEXT,
        Action.ADVICE_REQUEST,
        Action.FACT_RECORD,
        Action.DECISION_RECORD,
        Action.DECISION_APPROVE,
        Action.DECISION_FAST_TRACK,
    }
)
# On a confidential product (asylum) only the units of its process own, take tasks,
# ask advice and decide (specialists see such a case only once a task is theirs).
PROCESS_ONLY = (CASEWORK - {Action.FACT_RECORD, Action.TASK_GET_NEXT}) | {
    Action.STEP_START_ASSESSMENT,
    Action.STEP_PROPOSE_DECISION,
    Action.STEP_NOTIFY,
    Action.STEP_DECIDE_OBJECTION,
    Action.STEP_ORDER_NEW_DECISION,
}
# Roles that do casework in every unit they are a member of (unless the membership
# says otherwise).
CASEWORK_ROLES = frozenset({CW, SP})


def actions_of(role: Role) -> list[Action]:
    """The table read by role (for documentation and tests)."""
    return [action for action, roles in TABLE.items() if role in roles]


def does_casework(membership) -> bool:
    """A membership does casework when it says so; unsaid, when the person is a
    caseworker or specialist."""
    if membership.casework is not None:
        return membership.casework
    return bool(roles_of(membership.user) & CASEWORK_ROLES)


def casework_memberships_of(*, user, on: date) -> list:
    cache = user.__dict__.setdefault("_indigo_casework", {})
    if on not in cache:
        cache[on] = [
            m for m in memberships_on(user=user, on=on).select_related("user") if does_casework(m)
        ]
    return cache[on]


def casework_queues_of(*, user, on: date) -> set[str]:
    """The queues "Get next" hands out from: those of units where the user does
    casework, and only the kinds of task the user may take."""
    queues: set[str] = set()
    for membership in casework_memberships_of(user=user, on=on):
        unit = membership.unit
        if _may(user, Action.TASK_INTEGRAL, unit=unit, on=on):
            queues |= unit.process_queues()
        if _may(user, Action.TASK_SPECIALISM, unit=unit, on=on):
            queues |= unit.specialism_queues()
    return queues


def _casework_units(user, on: date) -> set[int]:
    return {m.unit_id for m in casework_memberships_of(user=user, on=on)}


def _member_units(user, on: date) -> set[int]:
    return {m.unit_id for m in memberships_on(user=user, on=on)}


def _may(user, action: Action, *, application=None, unit=None, on: date) -> bool:
    roles = roles_of(user)
    allowed = TABLE[action]
    if roles & allowed:
        permitted = True
    elif action in CASEWORK and Role.CASEWORKER in allowed and roles & {MGR, CC}:
        # A manager or contact-centre employee: only through a casework membership
        # (of this unit, when one is named).
        units = _casework_units(user, on)
        permitted = unit.pk in units if unit is not None else bool(units)
    else:
        permitted = False
    if not permitted:
        return False
    if unit is not None and action in (Action.TASK_ASSIGN, Action.UNITS_LEND):
        # A manager acts in their own units only.
        return Role.ADMIN in roles or unit.pk in _member_units(user, on)
    if (
        application is not None
        and action in PROCESS_ONLY
        and getattr(application.product, "confidential", False)
    ):
        # Confidential products (asylum) stay with the units of their process.
        if user.is_superuser:
            return True
        processes = {p for m in memberships_on(user=user, on=on) for p in m.unit.processes}
        return application.product.process in processes
    return True


def may(user, action: str, *, application=None, unit=None) -> bool:
    """Whether `user` may take `action` (on `application`, in `unit`).

    Unknown actions are refused (and are a programming error in tests). The
    application and unit narrow the answer: a manager assigns only in their units, a
    confidential (asylum) application is worked on only by its process's units.
    """
    if user is None or not user.is_authenticated:
        return False
    try:
        action = Action(action)
    except ValueError:
        return False
    if user.is_superuser and action not in (Action.TASK_GET_NEXT,):
        return True
    return _may(user, action, application=application, unit=unit, on=clock.today())


class RoleNotAllowed(NotAllowed, PermissionDenied):
    """Refused by the table: a 403 page in a view, problem+json in the API, and a
    DomainError (so a view can show the message) in a service."""


def require(user, action: str, *, application=None, unit=None) -> None:
    """`may`, or raise `RoleNotAllowed` (a PermissionDenied) naming the action."""
    if not may(user, action, application=application, unit=unit):
        raise RoleNotAllowed(
            _("Your role does not allow this: %(action)s.") % {"action": action_label(action)},
            code="role-not-allowed",
        )


def action_label(action: str) -> str:
    labels = {
        Action.TASK_OWN: _("owning an application"),
        Action.TASK_INTEGRAL: _("a task of an integral unit"),
        Action.TASK_SPECIALISM: _("a specialist task"),
        Action.TASK_TAKE: _("taking a task on your own case"),
        Action.TASK_ASSIGN: _("assigning tasks in a unit"),
        Action.TASK_GET_NEXT: _("getting the next task"),
        Action.ADVICE_REQUEST: _("asking for advice"),
        Action.FACT_RECORD: _("recording a fact"),
        Action.DECISION_RECORD: _("recording a decision"),
        Action.DECISION_APPROVE: _("approving a refusal"),
        Action.DECISION_FAST_TRACK: _("granting on the fast track"),
        Action.REQUEST_CREATE: _("asking the applicant for information"),
        Action.DESK_DAY: _("the desk's day"),
        Action.DESK_IDENTIFY: _("identifying an applicant"),
        Action.DESK_BIOMETRICS: _("recording biometrics"),
        Action.DESK_HAND_OUT: _("handing out a residence card"),
        Action.DESK_NO_SHOW: _("recording a no-show"),
        Action.PERSON_VIEW: _("the view of a person"),
        Action.CONTACT_LOG: _("logging a contact"),
        Action.DOSSIER_VIEW: _("opening the dossier"),
        Action.DOSSIER_UPLOAD: _("adding a document"),
        Action.UNITS_VIEW: _("the units and queues"),
        Action.UNITS_LEND: _("lending an employee"),
        Action.APPLICATIONS_LIST: _("the list of applications"),
        Action.API_DOCS: _("the API documentation"),
        Action.APPLICATION_VIEW: _("looking at applications"),
        Action.APPLICATION_CREATE: _("filing an application"),
        Action.DOCUMENT_ADD: _("adding a document"),
        Action.TASK_WORK: _("working on tasks"),
        Action.FACT_SUBMIT: _("stating a fact"),
        Action.REQUEST_VIEW: _("the requests for information"),
        Action.REQUEST_REPLY: _("answering a request for information"),
        Action.DESK_SLOTS: _("the desks and their free times"),
        Action.APPOINTMENT_VIEW: _("looking at an appointment"),
        Action.APPOINTMENT_BOOK: _("booking, moving or cancelling an appointment"),
        Action.SPONSOR_APPLY: _("applying as a recognised sponsor"),
        Action.SPONSOR_VOUCH: _("vouching as a recognised sponsor"),
        Action.SPONSOR_REPORT_CHANGE: _("reporting a change as a recognised sponsor"),
        Action.OBJECTION_HANDLE: _("handling an objection"),
        Action.APPEAL_HANDLE: _("handling an appeal"),
        Action.PENALTY_HANDLE: _("notices of default and penalties"),
        Action.COMPLAINT_LODGE: _("lodging a complaint"),
        Action.COMPLAINT_VIEW: _("looking at a complaint"),
        Action.COMPLAINT_HANDLE: _("handling a complaint"),
        Action.MEASURES_VIEW: _("the quality measures"),
        Action.PARTNER_RESIDENCE: _("asking about someone's residence"),
        Action.PARTNER_REPORT: _("reporting as a partner agency"),
        Action.PARTNER_SUBSCRIBE: _("subscribing to events as a partner agency"),
    }
    try:
        return str(labels.get(Action(action), action))
    except ValueError:
        return action


def task_action(*, code: str, queue: str) -> Action:
    """Which `task:*` action a task of this code and queue is."""
    if code == "handle":
        return Action.TASK_OWN
    if queue.startswith("specialism:"):
        return Action.TASK_SPECIALISM
    return Action.TASK_INTEGRAL
