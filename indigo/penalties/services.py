"""Registering notices of default and court-set penalties (each with its event)."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import is_staff_member
from indigo.cases.deadline import compute_decision_due
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.penalties.calculator import administrative_penalty
from indigo.penalties.models import CourtPenalty, NoticeOfDefault
from indigo.penalties.rules import rules_on

# A notice can only concern a decision that has not been given yet.
_DECIDED = frozenset({Status.NOTIFIED, Status.CLOSED, Status.WITHDRAWN})


def _staff(actor) -> None:
    if not is_staff_member(actor):
        raise NotAllowed(_("Only staff can register this."))


def notice_of_default_register(
    *, actor, application: Application, received_on: date, sender: str = "", note: str = ""
) -> NoticeOfDefault:
    """Register a notice of default as received (ingebrekestelling, Awb 4:17).

    A notice received before the decision period passed is registered all the same,
    marked `premature`: it starts no penalty (the caller tells the person so).
    """
    _staff(actor)
    today = clock.today()
    if received_on > today:
        raise InvalidInput(
            _("The receipt date cannot be in the future (today is %(today)s).")
            % {"today": day(today)},
            field="received_on",
        )
    if received_on < application.received_on:
        raise InvalidInput(
            _("A notice of default cannot be received before the application (%(date)s).")
            % {"date": day(application.received_on)},
            field="received_on",
        )
    with transaction.atomic():
        app = (
            Application.objects.select_for_update()
            .select_related("product", "product_version")
            .get(pk=application.pk)
        )
        if app.status in _DECIDED:
            raise Conflict(
                _(
                    "This application has been decided or withdrawn; a notice of default "
                    "concerns a decision that has not been given yet."
                ),
                code="already-decided",
            )
        period_ends = compute_decision_due(app, today=received_on)
        premature = received_on <= period_ends
        rules = rules_on(received_on)
        penalty = administrative_penalty(
            rules=rules,
            process=app.product.process,
            period_ends=period_ends,
            notice_received_on=received_on,
            on=received_on,
        )
        notice = NoticeOfDefault.objects.create(
            application=app,
            received_on=received_on,
            period_ends=period_ends,
            premature=premature,
            sender=sender.strip(),
            note=note.strip(),
            registered_by=actor,
        )
        event_record(
            application=app,
            actor=actor,
            action=EventKind.NOTICE_OF_DEFAULT,
            effective_on=received_on,
            reason=note.strip(),
            payload={
                "notice": notice.pk,
                "received_on": received_on.isoformat(),
                "period_ends": period_ends.isoformat(),
                "premature": premature,
                "exempt": app.product.process in rules.exempt_processes,
                "penalty_starts_on": (penalty.starts_on.isoformat() if penalty.starts_on else None),
            },
        )
    return notice


def court_penalty_record(
    *,
    actor,
    application: Application,
    court: str,
    judgment_on: date,
    decide_by: date,
    eur_per_day: Decimal,
    max_total_eur: Decimal,
    case_number: str = "",
    appeal_id: int | None = None,
) -> CourtPenalty:
    """Record the penalty a court attached to its order to decide, with its own cap."""
    _staff(actor)
    if not court.strip():
        raise InvalidInput(_("Name the court."), field="court")
    if decide_by < judgment_on:
        raise InvalidInput(
            _("The date to decide by cannot be before the judgment (%(date)s).")
            % {"date": day(judgment_on)},
            field="decide_by",
        )
    if eur_per_day <= 0:
        raise InvalidInput(_("Give an amount per day above zero."), field="eur_per_day")
    if max_total_eur < eur_per_day:
        raise InvalidInput(
            _("The maximum cannot be lower than the amount per day."), field="max_total_eur"
        )
    with transaction.atomic():
        penalty = CourtPenalty.objects.create(
            application=application,
            court=court.strip(),
            case_number=case_number.strip(),
            judgment_on=judgment_on,
            decide_by=decide_by,
            eur_per_day=eur_per_day,
            max_total_eur=max_total_eur,
            registered_by=actor,
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.COURT_PENALTY,
            effective_on=judgment_on,
            payload={
                "court_penalty": penalty.pk,
                "decide_by": decide_by.isoformat(),
                "eur_per_day": str(eur_per_day),
                "max_total_eur": str(max_total_eur),
                "appeal": appeal_id,
            },
        )
    return penalty
