"""Intended refusal (voornemen) and written view (zienswijze).

Before some refusals the law requires the agency to tell the applicant what it intends
and why, and to let them respond in writing first:
- asylum: always (Vw 2000 art. 39);
- regular and naturalisation: when the refusal rests on information the applicant did
  not provide — from an agency, a register or the caseworker's own check (Awb 4:7 and
  4:8). Facts from the applicant or the sponsor acting for them do not need one.
The period for the view is law-dated data (``indigo.catalog.remedies``). While it runs
the application waits (the ``intention-sent`` event); a refusal recorded before the
view arrives or the period ends, or without a required intention, is refused by
``decision_record``; the decision answers the view.

Not in the objection phase: there the hearing on the objection (Awb 7:2) serves.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.catalog.remedies import ALWAYS, IntentionRule, intention_rule_for
from indigo.decisions.guards import _check_may_decide, _locked
from indigo.decisions.models import Intention
from indigo.decisions.selectors import assessment_of, finding_snapshot
from indigo.errors import Conflict, InvalidInput, day
from indigo.outbox.services import outbox_put
from indigo.rules.findings import Outcome

INTENTION_LETTER_TOPIC = "decisions.intention-letter"
# Sources of facts the applicant (or the sponsor acting for them) did not provide.
NOT_FROM_APPLICANT = frozenset({"partner", "caseworker"})
WEIGHED = frozenset({Outcome.NOT_MET, Outcome.CONTRA_INDICATION, Outcome.JUDGEMENT})


def intention_required(
    *, application: Application, findings: list[dict], on: date
) -> IntentionRule | None:
    """The rule that requires an intention before refusing, or None when none is."""
    if application.objection_period_ends is not None:
        return None
    rule = intention_rule_for(application, on=on)
    if rule is None:
        return None
    if rule.required == ALWAYS:
        return rule
    for item in findings:
        if item.get("outcome") not in WEIGHED:
            continue
        for fact in item.get("facts", []):
            kind = str(fact.get("source", "")).partition(":")[0].strip()
            if kind in NOT_FROM_APPLICANT:
                return rule
    return None


def intention_latest(*, application: Application) -> Intention | None:
    """The intention of the decision being prepared: one sent since the last
    notification (an earlier one belonged to an earlier decision)."""
    intentions = application.intentions.order_by("-sent_on", "-id")
    if application.notified_on is not None:
        intentions = intentions.filter(sent_on__gt=application.notified_on)
    return intentions.first()


def intention_check_before_refusal(
    *, application: Application, findings: list[dict], view_answer: str, today: date
) -> Intention | None:
    """The intention a refusal follows; Conflict when a required one is missing or its
    period still runs, InvalidInput when the view is not answered."""
    rule = intention_required(application=application, findings=findings, on=today)
    intention = intention_latest(application=application)
    if rule is None and intention is None:
        return None
    if intention is None:
        raise Conflict(
            _(
                "Before this refusal the applicant must be told of the intended refusal "
                "and may give a written view (%(law)s). Send the intended refusal first."
            )
            % {"law": rule.citation("en")},
            code="intention-required",
        )
    if not intention.view_period_over(today):
        raise Conflict(
            _(
                "The applicant may give a written view until %(date)s. Record the view, "
                "or decide after that day."
            )
            % {"date": day(intention.view_due)},
            code="view-period-running",
        )
    if intention.view_received_on and not view_answer.strip():
        raise InvalidInput(
            _("Answer the applicant's written view: the decision must say what you did with it."),
            field="view_answer",
        )
    return intention


def intention_send(*, actor, application: Application, grounds: str) -> Intention:
    """Send the intended refusal: the application waits for the written view."""
    grounds = (grounds or "").strip()
    if not grounds:
        raise InvalidInput(
            _("Write down why you intend to refuse, addressed to the applicant."),
            field="grounds",
        )
    today = clock.today()
    with transaction.atomic():
        app = _locked(application)
        if app.status != Status.DECISION:
            raise Conflict(
                _(
                    "An intended refusal can be sent only in the status “%(decision)s”; the "
                    "application is in “%(status)s”."
                )
                % {"decision": Status.DECISION.label, "status": Status(app.status).label},
                code="not-in-decision",
            )
        _check_may_decide(actor=actor, application=app)
        rule = intention_rule_for(app, on=today)
        if rule is None:
            raise Conflict(
                _("No intended refusal is provided for this product."), code="no-intention"
            )
        assessment = assessment_of(application=app)
        if assessment.missing:
            raise Conflict(
                _("Information is still missing. Ask the applicant for it first."),
                code="information-missing",
            )
        findings = [finding_snapshot(f) for f in assessment.findings]
        required = intention_required(application=app, findings=findings, on=today)
        intention = Intention.objects.create(
            application=app,
            findings=findings,
            grounds=grounds,
            required_by=required.citation("en") if required else "",
            sent_by=actor,
            sent_on=today,
            view_due=rule.view_due(sent_on=today),
        )
        event_record(
            application=app,
            actor=actor,
            action=EventKind.INTENTION_SENT,
            reason=grounds,
            payload={
                "intention": intention.pk,
                "required_by": intention.required_by,
                "sent_on": today.isoformat(),
                "view_due": intention.view_due.isoformat(),
            },
        )
        outbox_put(
            topic=INTENTION_LETTER_TOPIC,
            key=f"intention-letter-{intention.pk}",
            payload={"intention": intention.pk, "sent_by": actor.pk},
            application=app,
        )
    return intention


def intention_view_record(
    *, actor, intention: Intention, text: str, received_on: date | None = None
) -> Intention:
    """Record the applicant's written view (zienswijze) on the intended refusal."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Enter what the applicant wrote."), field="text")
    today = clock.today()
    received_on = received_on or today
    if received_on > today or received_on < intention.sent_on:
        raise InvalidInput(
            _("The view was received between %(sent)s and today.")
            % {"sent": day(intention.sent_on)},
            field="received_on",
        )
    with transaction.atomic():
        app = _locked(intention.application)
        _check_may_decide(actor=actor, application=app)
        intention = Intention.objects.select_for_update().get(pk=intention.pk)
        if intention.view_received_on is not None:
            raise Conflict(_("The written view was already recorded."), code="view-recorded")
        intention.view_received_on = received_on
        intention.view_text = text
        intention.save(update_fields=["view_received_on", "view_text"])
        event_record(
            application=app,
            actor=actor,
            action=EventKind.VIEW_RECEIVED,
            payload={
                "intention": intention.pk,
                "received_on": received_on.isoformat(),
                "late": received_on > intention.view_due,
            },
        )
    return intention
