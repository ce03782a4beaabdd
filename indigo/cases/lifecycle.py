"""The one lifecycle of every application: all allowed steps, in one table.

    received → intake → assessment → decision → notified → closed
    suspended: from received, intake or assessment; `resume` returns where it was
    withdrawn: by the applicant, until the decision is notified
    objection (bezwaar): reopens a notified or closed application for a new decision
    order-new-decision: a court's judgment reopens it for a new decision (beroep)

Each step says what it does (who may take it is its `step:<action>` row in
`indigo.organisation.permissions`), by name:

- `guards` may refuse the step (raise); nothing has changed yet;
- `changes` change the application itself before its status does, and add to the
  event's payload (the suspension starts, the extension is recorded);
- then the status changes, the deadline is recomputed and the event is written;
- `effects` follow, in the order listed: the work, the decision and the desks keep
  in step (tasks open or close, the letter goes into the outbox).

The names are filled in by the apps that own them (`indigo.cases.steps`, from each
app's `AppConfig.ready()`), so this module imports nothing above `cases`; a name no
app provides is a start-up error (`indigo check`). One service performs every step
(`indigo.cases.services.application_act`) in one transaction: a refused step changes
nothing. What a person may see is decided elsewhere (`indigo.cases.access`).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from indigo.accounts.roles import Role
from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Status
from indigo.organisation.permissions import TABLE, Action

S = Status


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[Status]
    # None: the status does not change (extend) or is remembered (resume).
    target: Status | None
    label: str
    reason_required: bool = False
    guards: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    # Taken only by that app's own service, which records more than the step (the
    # objection, the judgment): not a generic action of the screens or the API.
    via: str = ""

    @property
    def permission(self) -> Action:
        """Its row in the table of who may do what (`indigo.organisation.permissions`)."""
        return Action(f"step:{self.action}")

    @property
    def roles(self) -> frozenset[Role]:
        return TABLE[self.permission]

    @property
    def event_kind(self) -> EventKind:
        return EventKind(self.action)


_TRANSITIONS = [
    # Receipt is the first step: no status before it; `application_create` takes it.
    Transition(
        "receive",
        frozenset(),
        S.RECEIVED,
        _("Application received"),
        effects=("work.open-handle-task",),
    ),
    Transition(
        "start-intake",
        frozenset({S.RECEIVED}),
        S.INTAKE,
        _("Start intake"),
        effects=("work.refresh-urgency",),
    ),
    Transition(
        "start-assessment",
        frozenset({S.INTAKE}),
        S.ASSESSMENT,
        _("Start assessment"),
        guards=("work.has-owner",),
        effects=(
            "work.take-ownership",
            "work.open-assessment-tasks",
            "sponsors.confirm-recognition",
            "work.refresh-urgency",
        ),
    ),
    Transition(
        "propose-decision",
        frozenset({S.ASSESSMENT}),
        S.DECISION,
        _("Propose decision"),
        guards=("work.no-blocking-tasks",),
        effects=("work.refresh-urgency",),
    ),
    Transition(
        "reopen-assessment",
        frozenset({S.DECISION}),
        S.ASSESSMENT,
        _("Back to assessment"),
        reason_required=True,
        effects=("decisions.set-aside", "work.refresh-urgency"),
    ),
    Transition(
        "notify",
        frozenset({S.DECISION}),
        S.NOTIFIED,
        _("Notify decision"),
        guards=("decisions.final",),
        changes=("cases.record-notification",),
        effects=("decisions.notify", "work.close-tasks"),
    ),
    Transition(
        "close",
        frozenset({S.NOTIFIED}),
        S.CLOSED,
        _("Close"),
        effects=("work.refresh-urgency",),
    ),
    Transition(
        "suspend",
        frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT}),
        S.SUSPENDED,
        _("Suspend (waiting for the applicant)"),
        reason_required=True,
        changes=("cases.start-suspension",),
        effects=("work.refresh-urgency",),
    ),
    Transition(
        "resume",
        frozenset({S.SUSPENDED}),
        None,
        _("Resume"),
        changes=("cases.end-suspension",),
        effects=("work.refresh-urgency",),
    ),
    Transition(
        "extend",
        frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED}),
        None,
        _("Extend decision period"),
        reason_required=True,
        changes=("cases.record-extension",),
        effects=("work.refresh-urgency",),
    ),
    Transition(
        "withdraw",
        frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED, S.DECISION}),
        S.WITHDRAWN,
        _("Withdraw"),
        reason_required=True,
        effects=("decisions.set-aside", "work.cancel-tasks", "desks.cancel-appointments"),
    ),
    Transition(
        "lodge-objection",
        frozenset({S.NOTIFIED, S.CLOSED}),
        S.OBJECTION,
        _("Register objection"),
        reason_required=True,
        changes=("cases.open-objection-period",),
        effects=("work.open-handle-task", "work.refresh-urgency"),
        via="objections",
    ),
    Transition(
        "decide-objection",
        frozenset({S.OBJECTION}),
        S.DECISION,
        _("Decide on objection"),
        effects=("work.refresh-urgency",),
        via="objections",
    ),
    # Issue 14: a court annulled the decision and ordered a new one (the appeals app
    # takes this step when it records the judgment; the period is the court's).
    Transition(
        "order-new-decision",
        frozenset({S.NOTIFIED, S.CLOSED}),
        S.ASSESSMENT,
        _("New decision ordered by the court"),
        reason_required=True,
        effects=("work.open-handle-task", "work.refresh-urgency"),
        via="appeals",
    ),
]

TRANSITIONS: dict[str, Transition] = {t.action: t for t in _TRANSITIONS}
RECEIVE = TRANSITIONS["receive"]
ACTIVE = frozenset({S.RECEIVED, S.INTAKE, S.ASSESSMENT, S.SUSPENDED, S.DECISION, S.OBJECTION})


def actions_from(status: Status) -> list[Transition]:
    """The generic steps possible from `status` (not those taken through their own app)."""
    return [t for t in _TRANSITIONS if status in t.sources and not t.via]
