"""The caseworker's decision: record it, approve a refusal, or take the fast track.

"Yes, provided there are no contra-indications" (R10): the rules propose, a person
decides and writes down why when deviating. A refusal is never the system's alone:
it needs a motivation and a second caseworker's approval (vier-ogenprincipe), and it
is refused while information is still missing (ask the applicant first).

Who decides: a caseworker who may see the application, and when it has an owner, the
owner (R6: one caseworker stays responsible from start to decision). Another
caseworker who must decide takes over the ownership first (a reassignment, with its
reason, in the history).
"""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from indigo import clock, limits
from indigo.cases.access import applications_visible_to
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.cases.services import application_act
from indigo.decisions.display import condition_label, proposal_label
from indigo.decisions.guards import _check_may_decide, _locked
from indigo.decisions.intentions import intention_check_before_refusal
from indigo.decisions.models import Decision
from indigo.decisions.selectors import (
    GRANT,
    RECOGNISED_SPONSOR,
    Assessment,
    assessment_of,
    decision_open,
    finding_snapshot,
)
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.organisation.permissions import Action, may
from indigo.rules.context import RuleContext
from indigo.rules.findings import Outcome

Out = Decision.Outcome
# From arrival: a complete, vouched application of a recognised sponsor is ready for the
# caseworker's approval the moment it arrives (issue 11); intake and assessment are
# started on the way.
FAST_TRACK_STATUSES = (Status.RECEIVED, Status.INTAKE, Status.ASSESSMENT, Status.DECISION)


def _conditions(findings) -> str:
    return ", ".join(condition_label(f.condition) for f in findings)


def _check_motivation(*, outcome: str, motivation: str, assessment: Assessment) -> None:
    if motivation:
        return
    if outcome == Out.REFUSE:
        message = _(
            "A refusal needs a written motivation. Say which condition is not met and how "
            "you weighed the findings."
        )
    elif outcome == Out.GRANT_DIFFERENTLY:
        message = _(
            "Granting differently needs a written motivation. Say why the permit differs "
            "from what the rules give."
        )
    elif assessment.proposal != GRANT:
        message = _(
            "You deviate from the proposal (%(proposal)s). A deviation needs a written "
            "motivation: say how you weighed the findings."
        ) % {"proposal": proposal_label(assessment.proposal)}
    else:
        return
    raise InvalidInput(message, field="motivation", code="motivation-required")


def _validity(
    *, outcome: str, valid_until: date | None, assessment: Assessment, application: Application
) -> tuple[date | None, date | None, str]:
    """valid_from, valid_until and their basis for the outcome."""
    rules = assessment.validity
    if outcome == Out.REFUSE:
        return None, None, ""
    if outcome == Out.GRANT:
        if valid_until is not None and (rules is None or valid_until != rules.valid_until):
            raise InvalidInput(
                _("To give the permit another end date, choose “Grant differently”."),
                field="valid_until",
            )
        if rules is None and assessment.sets_validity:
            raise Conflict(
                _(
                    "The rules cannot set the permit's validity yet: a fact they need is "
                    "missing (for example the end date of the contract or the programme). "
                    "Record it, or grant differently with an end date and a motivation."
                ),
                code="validity-unknown",
            )
        if rules is None:
            return None, None, ""
        return rules.valid_from, rules.valid_until, rules.basis
    # Grant differently: the caseworker sets the end date.
    if valid_until is None:
        raise InvalidInput(
            _("Granting differently needs the last day the permit is valid."),
            field="valid_until",
        )
    valid_from = rules.valid_from if rules else application.received_on
    if rules is not None and valid_until == rules.valid_until:
        raise InvalidInput(
            _(
                "That is the end date the rules give (%(date)s). Choose “Grant”, or give "
                "another end date."
            )
            % {"date": day(rules.valid_until)},
            field="valid_until",
        )
    if valid_until <= valid_from:
        raise InvalidInput(
            _("The permit must end after it starts (%(date)s).") % {"date": day(valid_from)},
            field="valid_until",
        )
    basis = "Set by the caseworker (see the motivation)"
    if rules is not None:
        basis += f"; the rules gave {rules.valid_until.isoformat()}: {rules.basis}"
    return valid_from, valid_until, basis


def _decide(
    *,
    actor,
    application: Application,
    outcome: str,
    motivation: str,
    valid_until: date | None,
    fast_track: bool = False,
    view_answer: str = "",
) -> Decision:
    if outcome not in Out.values:
        raise InvalidInput(
            _("Choose a decision: %(choices)s.")
            % {"choices": ", ".join(str(label) for label in Out.labels)},
            field="outcome",
        )
    motivation = limits.text_check(motivation, field="motivation")
    with transaction.atomic():
        app = _locked(application)
        if app.status != Status.DECISION:
            raise Conflict(
                _(
                    "A decision can be recorded only in the status “%(decision)s”; the "
                    "application is in “%(status)s”. Propose the decision first."
                )
                % {"decision": Status.DECISION.label, "status": Status(app.status).label},
                code="not-in-decision",
            )
        _check_may_decide(actor=actor, application=app)
        assessment = assessment_of(application=app)
        if outcome == Out.REFUSE and assessment.missing:
            raise Conflict(
                _(
                    "Information is still missing (%(conditions)s). Ask the applicant for "
                    "it first: missing information is never a reason to refuse."
                )
                % {"conditions": _conditions(assessment.missing)},
                code="information-missing",
            )
        _check_motivation(outcome=outcome, motivation=motivation, assessment=assessment)
        findings = [finding_snapshot(f) for f in assessment.findings]
        intention = None
        if outcome == Out.REFUSE:
            intention = intention_check_before_refusal(
                application=app, findings=findings, view_answer=view_answer, today=clock.today()
            )
        valid_from, until, basis = _validity(
            outcome=outcome, valid_until=valid_until, assessment=assessment, application=app
        )
        now = clock.now()
        previous = decision_open(application=app)
        if previous is not None:
            previous.set_aside_at = now
            previous.save(update_fields=["set_aside_at"])
        decision = Decision.objects.create(
            application=app,
            findings=findings,
            proposal=assessment.proposal,
            outcome=outcome,
            motivation=motivation,
            decided_by=actor,
            decided_at=now,
            needs_approval=outcome == Out.REFUSE,
            valid_from=valid_from,
            valid_until=until,
            validity_basis=basis,
            fast_track=fast_track,
            intention=intention,
            view_answer=(view_answer or "").strip() if intention else "",
        )
        event_record(
            application=app,
            actor=actor,
            action=EventKind.DECISION_RECORDED,
            reason=motivation,
            payload={
                "decision": decision.pk,
                "outcome": outcome,
                "proposal": assessment.proposal,
                "needs_approval": decision.needs_approval,
                "valid_from": valid_from.isoformat() if valid_from else None,
                "valid_until": until.isoformat() if until else None,
                "fast_track": fast_track,
                "replaces": previous.pk if previous else None,
            },
        )
    return decision


def decision_record(
    *,
    actor,
    application: Application,
    outcome: str,
    motivation: str = "",
    valid_until: date | None = None,
    view_answer: str = "",
) -> Decision:
    """Record the caseworker's decision: grant, refuse or grant differently.

    A refusal that the law requires an intended refusal for (``indigo.decisions.
    intentions``) is refused until the intention was sent and its view received or its
    period ended; ``view_answer`` answers the applicant's written view.

    Only in the status decision. A refusal, a different grant and any deviation from
    the proposal need a motivation; a refusal waits for a second caseworker's approval.
    A new decision before notification sets the open one aside.
    """
    return _decide(
        actor=actor,
        application=application,
        outcome=outcome,
        motivation=motivation,
        valid_until=valid_until,
        view_answer=view_answer,
    )


def decision_approve(*, actor, decision: Decision) -> Decision:
    """A second caseworker approves a refusal (vier-ogenprincipe)."""
    with transaction.atomic():
        _locked(decision.application)
        decision = (
            Decision.objects.select_for_update(of=("self",))
            .select_related("application", "decided_by", "approved_by")
            .get(pk=decision.pk)
        )
        if decision.notified_on is not None or decision.set_aside_at is not None:
            raise Conflict(
                _("This decision is no longer open: it was notified or replaced."),
                code="decision-closed",
            )
        if not decision.needs_approval:
            raise Conflict(
                _("This decision needs no approval; only a refusal does."),
                code="no-approval-needed",
            )
        if decision.approved_at is not None:
            raise Conflict(
                _("%(name)s already approved this refusal on %(date)s.")
                % {
                    "name": decision.approved_by.get_username(),
                    "date": day(timezone.localdate(decision.approved_at)),
                },
                code="already-approved",
            )
        if not may(actor, Action.DECISION_APPROVE, application=decision.application):
            raise NotAllowed(_("Only a caseworker can approve a refusal."))
        if decision.decided_by_id == actor.pk:
            raise NotAllowed(
                _(
                    "You made this refusal yourself, so you cannot approve it. A refusal "
                    "needs the approval of a second caseworker (four-eyes principle): ask "
                    "a colleague."
                ),
                code="own-decision",
            )
        if not applications_visible_to(actor).filter(pk=decision.application_id).exists():
            raise NotAllowed(_("You have no access to this application."))
        decision.approved_by = actor
        decision.approved_at = clock.now()
        decision.save(update_fields=["approved_by", "approved_at"])
        event_record(
            application=decision.application,
            actor=actor,
            action=EventKind.DECISION_APPROVED,
            payload={"decision": decision.pk, "decided_by": decision.decided_by.get_username()},
        )
    return decision


def decision_approve_open(*, actor, application: Application, decision_id) -> Decision:
    """Approve the refusal the approver was shown (`decision_id`), if it is still the
    open decision of `application`; a replaced or notified one is a conflict."""
    decision = decision_open(application=application)
    if decision is None or str(decision.pk) != str(decision_id):
        raise Conflict(
            _("This decision is no longer open: it was notified or replaced."),
            code="decision-closed",
        )
    return decision_approve(actor=actor, decision=decision)


def fast_track_obstacle(*, application: Application, assessment: Assessment) -> str | None:
    """Why the fast track is not possible (None: it is).

    The fast track (R11) is for a recognised sponsor who vouched for the applicant,
    with every finding met: the proposal to grant is confirmed in one step.
    """
    group = application.customer_group
    if group is None or group.code != RECOGNISED_SPONSOR:
        return _("The fast track is only for applications a recognised sponsor submitted.")
    if application.status not in FAST_TRACK_STATUSES:
        return _(
            "The fast track is possible during assessment or decision, not in the status "
            "“%(status)s”."
        ) % {"status": Status(application.status).label}
    if RuleContext(application).value("sponsor_vouched") is not True:
        return _(
            "The recognised sponsor has not declared that the applicant meets the "
            "conditions. Decide in the normal way."
        )
    if not assessment.all_met:
        open_ = [f for f in assessment.findings if f.outcome is not Outcome.MET]
        return _("Not every condition is met (%(conditions)s). Decide in the normal way.") % {
            "conditions": _conditions(open_) or _("no findings")
        }
    if decision_open(application=application) is not None:
        return _("A decision is already recorded. Notify it, or record a new one.")
    return None


def decision_fast_track(*, actor, application: Application) -> Application:
    """Propose (if needed), grant and notify in one step, for a vouched, all-met
    application of a recognised sponsor. Open blocking tasks still stop it."""
    with transaction.atomic():
        app = _locked(application)
        obstacle = fast_track_obstacle(application=app, assessment=assessment_of(application=app))
        if obstacle:
            raise Conflict(obstacle, code="no-fast-track")
        _check_may_decide(actor=actor, application=app, action=Action.DECISION_FAST_TRACK)
        # Events keep system reasons in English, like the other services.
        reason = "Fast track: the recognised sponsor vouched and every condition is met."
        for status, step in (
            (Status.RECEIVED, "start-intake"),
            (Status.INTAKE, "start-assessment"),
        ):
            if app.status == status:
                app = application_act(actor=actor, application=app, action=step, reason=reason)
        if app.status == Status.ASSESSMENT:
            app = application_act(
                actor=actor, application=app, action="propose-decision", reason=reason
            )
        _decide(
            actor=actor,
            application=app,
            outcome=Out.GRANT,
            motivation="",
            valid_until=None,
            fast_track=True,
        )
        app = application_act(actor=actor, application=app, action="notify", reason=reason)
    return app
