"""Appeals: register, the court hearing, a provisional measure, the judgment.

The appeal is the court's procedure: the application itself does not change state
until a judgment orders a new decision (the lifecycle step `order-new-decision`, with
the court's period as the decision due and any penalty the court set).
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import is_staff_member
from indigo.appeals.models import Appeal
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.cases.services import application_act
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.objections.remedy import APPEAL, remedy_kind
from indigo.penalties.services import court_penalty_record


def _staff(actor) -> None:
    if not is_staff_member(actor):
        raise NotAllowed(_("Only staff can do this."))


def _not_future(value: date, *, field: str) -> None:
    today = clock.today()
    if value > today:
        raise InvalidInput(
            _("This date cannot be in the future (today is %(today)s).") % {"today": day(today)},
            field=field,
        )


def _after_lodging(appeal_lodged_on: date, value: date, *, field: str) -> None:
    if value < appeal_lodged_on:
        raise InvalidInput(
            _("This date cannot be before the appeal was lodged (%(date)s).")
            % {"date": day(appeal_lodged_on)},
            field=field,
        )


def _event(appeal: Appeal, *, actor, kind: EventKind, on: date, reason="", **payload):
    event_record(
        application=appeal.application,
        actor=actor,
        action=kind,
        effective_on=on,
        reason=reason,
        payload={"appeal": appeal.pk, **payload},
    )


def _locked(appeal: Appeal) -> Appeal:
    locked = Appeal.objects.select_for_update().select_related("application").get(pk=appeal.pk)
    if not locked.is_open:
        raise Conflict(
            _("The court has given judgment on this appeal (%(outcome)s).")
            % {"outcome": locked.get_outcome_display()},
            code="appeal-decided",
        )
    return locked


def appeal_lodge(
    *,
    actor,
    application: Application,
    court: str,
    lodged_on: date,
    level: str = Appeal.Level.APPEAL,
    case_number: str = "",
    hearing_on: date | None = None,
    process_representative=None,
) -> Appeal:
    """Register an appeal (or a higher appeal) against the decision on `application`."""
    _staff(actor)
    if level not in Appeal.Level.values:
        raise InvalidInput(
            _("Choose a level: %(choices)s.") % {"choices": ", ".join(Appeal.Level.values)},
            field="level",
        )
    if not court.strip():
        raise InvalidInput(_("Name the court."), field="court")
    _not_future(lodged_on, field="lodged_on")
    if hearing_on is not None:
        _after_lodging(lodged_on, hearing_on, field="hearing_on")
    if not application.notified_on:
        raise Conflict(
            _("There is no notified decision on this application to appeal against."),
            code="no-decision",
        )
    if lodged_on < application.notified_on:
        raise InvalidInput(
            _("An appeal cannot be lodged before the decision was notified (%(date)s).")
            % {"date": day(application.notified_on)},
            field="lodged_on",
        )
    if level == Appeal.Level.APPEAL:
        objected = application.objections.exclude(outcome="").exists()
        if remedy_kind(application) != APPEAL and not objected:
            raise Conflict(
                _(
                    "The remedy against this decision is an objection first; an appeal to the "
                    "court follows the decision on the objection. Register an objection."
                ),
                code="remedy-is-objection",
            )
    elif not application.appeals.filter(
        level=Appeal.Level.APPEAL, judgment_on__isnull=False
    ).exists():
        raise Conflict(
            _("A higher appeal follows a judgment on an appeal; there is none yet."),
            code="no-judgment",
        )
    if process_representative is not None and not is_staff_member(process_representative):
        raise InvalidInput(
            _("The process representative must be a member of staff."),
            field="process_representative",
        )
    with transaction.atomic():
        appeal = Appeal.objects.create(
            application=application,
            level=level,
            court=court.strip(),
            case_number=case_number.strip(),
            lodged_on=lodged_on,
            hearing_on=hearing_on,
            process_representative=process_representative,
            registered_by=actor,
        )
        _event(
            appeal,
            actor=actor,
            kind=EventKind.APPEAL_LODGED,
            on=lodged_on,
            level=level,
            court=appeal.court,
            case_number=appeal.case_number,
            lodged_on=lodged_on.isoformat(),
        )
    return appeal


def appeal_hearing_schedule(*, actor, appeal: Appeal, hearing_on: date) -> Appeal:
    _staff(actor)
    with transaction.atomic():
        appeal = _locked(appeal)
        _after_lodging(appeal.lodged_on, hearing_on, field="hearing_on")
        appeal.hearing_on = hearing_on
        appeal.save(update_fields=["hearing_on"])
        _event(
            appeal,
            actor=actor,
            kind=EventKind.APPEAL_HEARING_SCHEDULED,
            on=clock.today(),
            hearing_on=hearing_on.isoformat(),
        )
    return appeal


def provisional_measure_request(*, actor, appeal: Appeal, requested_on: date) -> Appeal:
    """The appellant asked the court for a provisional measure (voorlopige voorziening),
    for example to await the appeal in the Netherlands."""
    _staff(actor)
    _not_future(requested_on, field="requested_on")
    with transaction.atomic():
        appeal = _locked(appeal)
        if appeal.measure_requested_on is not None:
            raise Conflict(
                _("A provisional measure was already requested on %(date)s.")
                % {"date": day(appeal.measure_requested_on)},
                code="measure-requested",
            )
        appeal.measure_requested_on = requested_on
        appeal.save(update_fields=["measure_requested_on"])
        _event(
            appeal,
            actor=actor,
            kind=EventKind.PROVISIONAL_MEASURE_REQUESTED,
            on=requested_on,
            requested_on=requested_on.isoformat(),
        )
    return appeal


def provisional_measure_decide(*, actor, appeal: Appeal, outcome: str, decided_on: date) -> Appeal:
    _staff(actor)
    if outcome not in Appeal.MeasureOutcome.values:
        raise InvalidInput(
            _("Choose an outcome: %(choices)s.")
            % {"choices": ", ".join(Appeal.MeasureOutcome.values)},
            field="outcome",
        )
    _not_future(decided_on, field="decided_on")
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.measure_requested_on is None:
            raise Conflict(
                _("No provisional measure was requested on this appeal."), code="no-measure"
            )
        if decided_on < appeal.measure_requested_on:
            raise InvalidInput(
                _("The court cannot decide before the request (%(date)s).")
                % {"date": day(appeal.measure_requested_on)},
                field="decided_on",
            )
        appeal.measure_outcome = outcome
        appeal.measure_decided_on = decided_on
        appeal.save(update_fields=["measure_outcome", "measure_decided_on"])
        _event(
            appeal,
            actor=actor,
            kind=EventKind.PROVISIONAL_MEASURE_DECIDED,
            on=decided_on,
            outcome=outcome,
        )
    return appeal


def appeal_judgment_record(
    *,
    actor,
    appeal: Appeal,
    judgment_on: date,
    outcome: str,
    new_decision_by: date | None = None,
    penalty_eur_per_day: Decimal | None = None,
    penalty_max_eur: Decimal | None = None,
) -> Appeal:
    """Record the judgment. Where the court annulled the decision and set a period for
    a new one, the application reopens for that new decision (the period becomes its
    decision due), with the penalty the court attached, if any."""
    _staff(actor)
    if outcome not in Appeal.Outcome.values:
        raise InvalidInput(
            _("Choose an outcome: %(choices)s.") % {"choices": ", ".join(Appeal.Outcome.values)},
            field="outcome",
        )
    _not_future(judgment_on, field="judgment_on")
    if new_decision_by is not None and outcome != Appeal.Outcome.WELL_FOUNDED:
        raise InvalidInput(
            _("Only an appeal found well-founded can order a new decision."),
            field="new_decision_by",
        )
    if new_decision_by is not None and new_decision_by < judgment_on:
        raise InvalidInput(
            _("The period for the new decision cannot end before the judgment (%(date)s).")
            % {"date": day(judgment_on)},
            field="new_decision_by",
        )
    has_penalty = penalty_eur_per_day is not None or penalty_max_eur is not None
    if has_penalty and (new_decision_by is None or not penalty_eur_per_day or not penalty_max_eur):
        raise InvalidInput(
            _(
                "A penalty set by the court needs the period for the new decision, the "
                "amount per day and the maximum."
            ),
            field="penalty_eur_per_day",
        )
    with transaction.atomic():
        appeal = _locked(appeal)
        _after_lodging(appeal.lodged_on, judgment_on, field="judgment_on")
        appeal.judgment_on = judgment_on
        appeal.outcome = outcome
        appeal.new_decision_by = new_decision_by
        appeal.save(update_fields=["judgment_on", "outcome", "new_decision_by"])
        _event(
            appeal,
            actor=actor,
            kind=EventKind.APPEAL_JUDGMENT,
            on=judgment_on,
            outcome=outcome,
            judgment_on=judgment_on.isoformat(),
            new_decision_by=new_decision_by.isoformat() if new_decision_by else None,
        )
        application = appeal.application
        if new_decision_by is not None:
            if application.status in (Status.NOTIFIED, Status.CLOSED):
                application_act(
                    actor=actor,
                    application=application,
                    action="order-new-decision",
                    reason=_("Judgment of %(court)s of %(date)s, case %(case)s.")
                    % {"court": appeal.court, "date": day(judgment_on), "case": appeal.case_number},
                    on=judgment_on,
                )
            if has_penalty:
                court_penalty_record(
                    actor=actor,
                    application=application,
                    court=appeal.court,
                    case_number=appeal.case_number,
                    judgment_on=judgment_on,
                    decide_by=new_decision_by,
                    eur_per_day=penalty_eur_per_day,
                    max_total_eur=penalty_max_eur,
                    appeal_id=appeal.pk,
                )
    return appeal
