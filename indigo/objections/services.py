"""Objections (bezwaar): register, hear (or waive the hearing), adjourn, decide.

Each is one transaction that writes its event on the application's history. The
application's own steps (into the objection phase, out of it to a new decision) are
lifecycle steps taken through `indigo.cases.services.application_act`.
"""

from datetime import date

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.accounts.roles import is_staff_member
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.models import Application, Status
from indigo.cases.services import application_act
from indigo.dossier.services import document_store_generated
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.objections.models import Objection
from indigo.objections.periods import objection_decision_due
from indigo.objections.remedy import APPEAL, remedy_kind

MINUTES_TYPE = "hearing-minutes"


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


def _event(objection: Objection, *, actor, kind: EventKind, on: date, reason="", **payload):
    event_record(
        application=objection.application,
        actor=actor,
        action=kind,
        effective_on=on,
        reason=reason,
        payload={"objection": objection.pk, **payload},
    )


def _locked(objection: Objection) -> Objection:
    locked = (
        Objection.objects.select_for_update().select_related("application").get(pk=objection.pk)
    )
    if not locked.is_open:
        raise Conflict(
            _("The objection has been decided (%(outcome)s); nothing can change now.")
            % {"outcome": locked.get_outcome_display()},
            code="objection-decided",
        )
    return locked


def _set_due(objection: Objection) -> None:
    objection.decision_due = objection_decision_due(
        objection_period_ends=objection.objection_period_ends,
        committee=objection.advisory_committee,
        adjourned=objection.adjourned_on is not None,
        extra_weeks=objection.agreed_extra_weeks,
    )


def objection_register(
    *,
    actor,
    application: Application,
    lodged_on: date,
    grounds: str,
    by: str = Objection.By.APPLICANT,
    representative: str = "",
    authorisation: str = "",
    advisory_committee: bool = False,
) -> Objection:
    """Register an objection against the notified decision and open the objection phase.

    A late objection is registered and flagged for a decision on admissibility (Awb
    6:11), never refused here. Where the remedy is an appeal to the court (asylum, or
    a decision on an earlier objection), nothing is written.
    """
    _staff(actor)
    if remedy_kind(application) == APPEAL:
        raise Conflict(
            _(
                "The remedy against a decision on this product is an appeal to the court, "
                "not an objection. Register an appeal instead."
            ),
            code="remedy-is-appeal",
        )
    if application.status not in (Status.NOTIFIED, Status.CLOSED) or not application.notified_on:
        raise Conflict(
            _("There is no notified decision on this application to object to."),
            code="no-decision",
        )
    if application.objections.exclude(outcome="").exists():
        raise Conflict(
            _(
                "This decision was taken on an objection. The remedy now is an appeal to "
                "the court. Register an appeal instead."
            ),
            code="remedy-is-appeal",
        )
    if not grounds.strip():
        raise InvalidInput(_("Say why the objector disagrees (the grounds)."), field="grounds")
    if by not in Objection.By.values:
        raise InvalidInput(
            _("Choose who objects: %(choices)s.") % {"choices": ", ".join(Objection.By.values)},
            field="by",
        )
    if by == Objection.By.REPRESENTATIVE:
        if not representative.strip():
            raise InvalidInput(_("Name the representative."), field="representative")
        if not authorisation.strip():
            raise InvalidInput(
                _(
                    "Record the representative's authorisation (for example: a signed "
                    "authorisation of 3 March 2026)."
                ),
                field="authorisation",
            )
    _not_future(lodged_on, field="lodged_on")
    if lodged_on < application.notified_on:
        raise InvalidInput(
            _("An objection cannot be lodged before the decision was notified (%(date)s).")
            % {"date": day(application.notified_on)},
            field="lodged_on",
        )
    with transaction.atomic():
        app = application_act(
            actor=actor,
            application=application,
            action="lodge-objection",
            reason=grounds.strip(),
            on=lodged_on,
        )
        late = lodged_on > app.objection_period_ends
        objection = Objection(
            application=app,
            lodged_on=lodged_on,
            objection_period_ends=app.objection_period_ends,
            late=late,
            admissibility=Objection.Admissibility.TO_DECIDE if late else "",
            grounds=grounds.strip(),
            by=by,
            representative=representative.strip(),
            authorisation=authorisation.strip(),
            advisory_committee=advisory_committee,
            registered_by=actor,
        )
        _set_due(objection)
        objection.save()
        Application.objects.filter(pk=app.pk).update(decision_due=objection.decision_due)
        _event(
            objection,
            actor=actor,
            kind=EventKind.OBJECTION_REGISTERED,
            on=lodged_on,
            lodged_on=lodged_on.isoformat(),
            late=late,
            by=by,
            representative=objection.representative,
            decision_due=objection.decision_due.isoformat(),
        )
    return objection


def objection_hearing_schedule(*, actor, objection: Objection, hearing_on: date) -> Objection:
    _staff(actor)
    with transaction.atomic():
        objection = _locked(objection)
        if hearing_on < objection.lodged_on:
            raise InvalidInput(
                _("The hearing cannot be before the objection was lodged (%(date)s).")
                % {"date": day(objection.lodged_on)},
                field="hearing_on",
            )
        objection.hearing_on = hearing_on
        objection.hearing_waived = ""
        objection.save(update_fields=["hearing_on", "hearing_waived"])
        _event(
            objection,
            actor=actor,
            kind=EventKind.OBJECTION_HEARING_SCHEDULED,
            on=clock.today(),
            hearing_on=hearing_on.isoformat(),
        )
    return objection


def objection_hearing_record(
    *, actor, objection: Objection, held_on: date, minutes: File
) -> Objection:
    """The hearing took place: its minutes go into the dossier (checked by content)."""
    _staff(actor)
    _not_future(held_on, field="held_on")
    if minutes is None or not minutes.size:
        raise InvalidInput(_("Add the minutes of the hearing (PDF)."), field="minutes")
    with transaction.atomic():
        objection = _locked(objection)
        if held_on < objection.lodged_on:
            raise InvalidInput(
                _("The hearing cannot be before the objection was lodged (%(date)s).")
                % {"date": day(objection.lodged_on)},
                field="held_on",
            )
        document = document_store_generated(
            actor=actor,
            application=objection.application,
            document_type_code=MINUTES_TYPE,
            content=minutes.read(),
            name=getattr(minutes, "name", "") or "minutes.pdf",
        )
        objection.hearing_held_on = held_on
        objection.minutes = document
        objection.save(update_fields=["hearing_held_on", "minutes"])
        _event(
            objection,
            actor=actor,
            kind=EventKind.OBJECTION_HEARING_HELD,
            on=held_on,
            minutes_document=document.pk,
        )
    return objection


def objection_hearing_waive(*, actor, objection: Objection, ground: str, reason: str = ""):
    """No hearing, on one of the grounds of Awb 7:3."""
    _staff(actor)
    if ground not in Objection.WaiverGround.values:
        raise InvalidInput(
            _("Choose a ground of Awb 7:3: %(choices)s.")
            % {"choices": ", ".join(Objection.WaiverGround.values)},
            field="ground",
        )
    with transaction.atomic():
        objection = _locked(objection)
        if objection.hearing_held_on:
            raise Conflict(_("The hearing has already taken place."), code="hearing-held")
        objection.hearing_waived = ground
        objection.save(update_fields=["hearing_waived"])
        _event(
            objection,
            actor=actor,
            kind=EventKind.OBJECTION_HEARING_WAIVED,
            on=clock.today(),
            reason=reason.strip(),
            ground=ground,
        )
    return objection


def objection_adjourn(
    *, actor, objection: Objection, reason: str, agreed_extra_weeks: int = 0
) -> Objection:
    """Adjourn the decision once (Awb 7:10(3), six weeks); more weeks only with the
    objector's consent (7:10(4)), recorded as `agreed_extra_weeks`."""
    _staff(actor)
    if not reason.strip():
        raise InvalidInput(_("Give the reason for the adjournment."), field="reason")
    if agreed_extra_weeks < 0:
        raise InvalidInput(_("Weeks cannot be negative."), field="agreed_extra_weeks")
    with transaction.atomic():
        objection = _locked(objection)
        if objection.adjourned_on is not None and not agreed_extra_weeks:
            raise Conflict(
                _(
                    "The decision was already adjourned on %(date)s. A further postponement "
                    "needs the objector's consent: give the agreed extra weeks."
                )
                % {"date": day(objection.adjourned_on)},
                code="already-adjourned",
            )
        objection.adjourned_on = objection.adjourned_on or clock.today()
        objection.agreed_extra_weeks += agreed_extra_weeks
        _set_due(objection)
        objection.save(update_fields=["adjourned_on", "agreed_extra_weeks", "decision_due"])
        Application.objects.filter(pk=objection.application_id).update(
            decision_due=objection.decision_due
        )
        _event(
            objection,
            actor=actor,
            kind=EventKind.OBJECTION_ADJOURNED,
            on=clock.today(),
            reason=reason.strip(),
            weeks=objection.agreed_extra_weeks,
            decision_due=objection.decision_due.isoformat(),
        )
    return objection


def objection_decide(*, actor, objection: Objection, outcome: str, reason: str) -> Objection:
    """Record the outcome and move the application on to its new decision.

    Every outcome ends in a decision on the objection, notified with a letter whose
    remedy is an appeal to the court: a (partly) well-founded objection with a new
    decision, an unfounded or inadmissible one maintaining the decision.
    """
    _staff(actor)
    if outcome not in Objection.Outcome.values:
        raise InvalidInput(
            _("Choose an outcome: %(choices)s.") % {"choices": ", ".join(Objection.Outcome.values)},
            field="outcome",
        )
    if not reason.strip():
        raise InvalidInput(_("Give the reasons for the outcome."), field="reason")
    with transaction.atomic():
        objection = _locked(objection)
        heard = objection.hearing_held_on or objection.hearing_waived
        if not heard and outcome != Objection.Outcome.INADMISSIBLE:
            raise Conflict(
                _(
                    "The objector must be heard first (Awb 7:2), or the hearing waived on a "
                    "ground of Awb 7:3."
                ),
                code="hearing-required",
            )
        if objection.late and outcome != Objection.Outcome.INADMISSIBLE:
            # Deciding on the merits means the lateness was excused (Awb 6:11).
            objection.admissibility = Objection.Admissibility.ADMISSIBLE
        objection.outcome = outcome
        objection.decided_on = clock.today()
        objection.save(update_fields=["admissibility", "outcome", "decided_on"])
        _event(
            objection,
            actor=actor,
            kind=EventKind.OBJECTION_OUTCOME,
            on=objection.decided_on,
            reason=reason.strip(),
            outcome=outcome,
        )
        application_act(
            actor=actor,
            application=objection.application,
            action="decide-objection",
            reason=reason.strip(),
        )
    return objection
