"""The one lifecycle of every application: all allowed transitions, in one table.

    received → intake → assessment → decision → notified → closed
    suspended: from received, intake or assessment; `resume` returns where it was
    withdrawn: by the applicant, until the decision is notified
    objection (bezwaar): reopens a notified or closed application for a new decision

Roles say who may perform an action; what a person may see is decided elsewhere
(`indigo.cases.access`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from indigo.accounts.roles import Role
from indigo.cases.models import Status

S = Status
CASE_HANDLERS = frozenset({Role.CASEWORKER, Role.MANAGER, Role.ADMIN})
FRONT_OFFICE = CASE_HANDLERS | {Role.DESK}


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[Status]
    # None: the status does not change (extend) or is remembered (resume).
    target: Status | None
    roles: frozenset[Role]
    label: str
    reason_required: bool = False


_TRANSITIONS = [
    Transition("start-intake", frozenset({S.RECEIVED}), S.INTAKE, FRONT_OFFICE, _("Start intake")),
    Transition(
        "start-assessment",
        frozenset({S.INTAKE}),
        S.ASSESSMENT,
        CASE_HANDLERS,
        _("Start assessment"),
    ),
    Transition(
        "propose-decision",
        frozenset({S.ASSESSMENT}),
        S.DECISION,
        CASE_HANDLERS,
        _("Propose decision"),
    ),
    Transition(
        "reopen-assessment",
        frozenset({S.DECISION}),
        S.ASSESSMENT,
        CASE_HANDLERS,
        _("Back to assessment"),
        reason_required=True,
    ),
    Transition("notify", frozenset({S.DECISION}), S.NOTIFIED, CASE_HANDLERS, _("Notify decision")),
    Transition("close", frozenset({S.NOTIFIED}), S.CLOSED, CASE_HANDLERS, _("Close")),
    Transition(
        "suspend",
        frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT}),
        S.SUSPENDED,
        CASE_HANDLERS,
        _("Suspend (waiting for the applicant)"),
        reason_required=True,
    ),
    Transition("resume", frozenset({S.SUSPENDED}), None, CASE_HANDLERS, _("Resume")),
    Transition(
        "extend",
        frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED}),
        None,
        CASE_HANDLERS,
        _("Extend decision period"),
        reason_required=True,
    ),
    Transition(
        "withdraw",
        frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED, S.DECISION}),
        S.WITHDRAWN,
        FRONT_OFFICE | {Role.APPLICANT},
        _("Withdraw"),
        reason_required=True,
    ),
    Transition(
        "lodge-objection",
        frozenset({S.NOTIFIED, S.CLOSED}),
        S.OBJECTION,
        FRONT_OFFICE,
        _("Register objection"),
        reason_required=True,
    ),
    Transition(
        "decide-objection",
        frozenset({S.OBJECTION}),
        S.DECISION,
        CASE_HANDLERS,
        _("Decide on objection"),
    ),
]

TRANSITIONS: dict[str, Transition] = {t.action: t for t in _TRANSITIONS}
ACTIVE = frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED, S.DECISION, S.OBJECTION})


def actions_from(status: Status) -> list[Transition]:
    return [t for t in _TRANSITIONS if status in t.sources]
