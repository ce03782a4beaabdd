"""What desk staff record at an appointment: the applicant's identity (checked against
a travel document), biometrics taken, the residence document handed out, or that the
applicant did not come. Nothing is recorded before the identity is checked (also a
constraint in the database)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.desks import slots as schedule
from indigo.desks.models import Appointment
from indigo.desks.selectors import card_ready, works_at
from indigo.desks.services.wording import appointment_facts, clock_time
from indigo.desks.validators import validate_card_number
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.organisation.permissions import Action, require

State = Appointment.State


def _check_desk_staff(actor, appointment: Appointment, action: Action = Action.DESK_DAY) -> None:
    require(actor, action)
    if not works_at(user=actor, desk=appointment.desk):
        raise NotAllowed(
            _("Only staff of %(desk)s can record this.") % {"desk": appointment.desk.name},
            code="not-desk-staff",
        )


def _check_on_or_after_the_day(appointment: Appointment) -> None:
    on = schedule.local_day(appointment.starts_at)
    if on > clock.today():
        raise Conflict(
            _("This appointment is on %(day)s. Record what happens at the desk on that day.")
            % {"day": day(on)},
            code="not-yet",
        )


def _state_conflict(appointment: Appointment) -> Conflict:
    current = Appointment.objects.get(pk=appointment.pk)
    if current.state == State.CANCELLED:
        return Conflict(_("This appointment was cancelled."), code="cancelled")
    if current.state == State.NO_SHOW:
        return Conflict(
            _("This appointment is recorded as: the applicant did not come."), code="no-show"
        )
    if current.identified_at is None:
        return Conflict(
            _("Identify the applicant first: check their travel document against this person."),
            code="not-identified",
        )
    return Conflict(_("The applicant was already identified."), code="already-identified")


def appointment_identify(
    *, actor, appointment: Appointment, document: str, checked: bool
) -> Appointment:
    """Record that the applicant's identity was checked against a travel document."""
    _check_desk_staff(actor, appointment, Action.DESK_IDENTIFY)
    if document not in Appointment.IdentityDocument.values:
        raise InvalidInput(_("Choose the document you checked."), field="document")
    if not checked:
        raise InvalidInput(
            _("Confirm that the person matches the photo and the details of the document."),
            field="checked",
        )
    _check_on_or_after_the_day(appointment)
    with transaction.atomic():
        done = Appointment.objects.filter(
            pk=appointment.pk, state=State.BOOKED, identified_at__isnull=True
        ).update(
            state=State.ATTENDED,
            identified_at=clock.now(),
            identified_by=actor,
            identity_document=document,
        )
        if not done:
            raise _state_conflict(appointment)
        event_record(
            application=appointment.application,
            actor=actor,
            action=EventKind.APPLICANT_IDENTIFIED,
            effective_on=schedule.local_day(appointment.starts_at),
            payload=appointment_facts(appointment) | {"document": document},
        )
    appointment.refresh_from_db()
    return appointment


def _check_identified(appointment: Appointment) -> None:
    current = Appointment.objects.get(pk=appointment.pk)
    if current.state != State.ATTENDED or current.identified_at is None:
        raise _state_conflict(appointment)


def biometrics_record(*, actor, appointment: Appointment) -> Appointment:
    """Record that passport photo, fingerprints and signature were taken."""
    _check_desk_staff(actor, appointment, Action.DESK_BIOMETRICS)
    if not appointment.appointment_type.takes_biometrics:
        raise Conflict(
            _("Biometrics are not taken at an appointment for “%(type)s”.")
            % {"type": appointment.appointment_type.name},
            code="not-for-this-type",
        )
    _check_identified(appointment)
    with transaction.atomic():
        done = Appointment.objects.filter(
            pk=appointment.pk,
            state=State.ATTENDED,
            identified_at__isnull=False,
            biometrics_at__isnull=True,
        ).update(biometrics_at=clock.now(), biometrics_by=actor)
        if not done:
            raise Conflict(
                _("The biometrics of this appointment were already recorded."),
                code="already-recorded",
            )
        event_record(
            application=appointment.application,
            actor=actor,
            action=EventKind.BIOMETRICS_TAKEN,
            effective_on=schedule.local_day(appointment.starts_at),
            payload=appointment_facts(appointment),
        )
    appointment.refresh_from_db()
    return appointment


def _check_biometrics(appointment: Appointment) -> None:
    """The law's order at the desk: identify, then biometrics, then the card. The
    biometrics may have been taken at an earlier appointment of the application."""
    taken = Appointment.objects.filter(
        application_id=appointment.application_id, biometrics_at__isnull=False
    ).exists()
    if not taken:
        raise Conflict(
            _(
                "Take the biometrics (passport photo, fingerprints and signature) first. "
                "The residence card is handed out only after that."
            ),
            code="no-biometrics",
        )


def _check_granted(appointment: Appointment) -> None:
    """A residence card only for a residence permit that was granted and notified."""
    if not card_ready(application_id=appointment.application_id):
        raise Conflict(
            _(
                "No residence permit has been granted on this application yet, so no "
                "residence card can be handed out. Ask the applicant to come back after "
                "the decision."
            ),
            code="not-granted",
        )


def residence_document_issue(*, actor, appointment: Appointment, card_number: str) -> Appointment:
    """Record that the residence card with `card_number` was handed to the applicant."""
    _check_desk_staff(actor, appointment, Action.DESK_HAND_OUT)
    if not appointment.appointment_type.issues_residence_document:
        raise Conflict(
            _("No residence document is handed out at an appointment for “%(type)s”.")
            % {"type": appointment.appointment_type.name},
            code="not-for-this-type",
        )
    _check_identified(appointment)
    _check_biometrics(appointment)
    _check_granted(appointment)
    number = validate_card_number(card_number)
    with transaction.atomic():
        try:
            with transaction.atomic():
                done = Appointment.objects.filter(
                    pk=appointment.pk,
                    state=State.ATTENDED,
                    identified_at__isnull=False,
                    document_issued_at__isnull=True,
                ).update(
                    document_issued_at=clock.now(), document_issued_by=actor, card_number=number
                )
        except IntegrityError:
            raise InvalidInput(
                _(
                    "Residence card %(number)s is already recorded as handed out. Check the "
                    "number on the card."
                )
                % {"number": number},
                field="card_number",
            ) from None
        if not done:
            raise Conflict(
                _("The residence document of this appointment was already handed out."),
                code="already-issued",
            )
        event_record(
            application=appointment.application,
            actor=actor,
            action=EventKind.DOCUMENT_ISSUED,
            effective_on=schedule.local_day(appointment.starts_at),
            payload=appointment_facts(appointment) | {"card_number": number},
        )
    appointment.refresh_from_db()
    return appointment


def appointment_no_show_record(*, actor, appointment: Appointment) -> Appointment:
    """Record that the applicant did not come (once the appointment's time is over)."""
    _check_desk_staff(actor, appointment, Action.DESK_NO_SHOW)
    if clock.now() < appointment.ends_at:
        raise Conflict(
            _("The appointment is not over yet. Wait until %(time)s.")
            % {"time": clock_time(appointment.ends_at)},
            code="not-over",
        )
    with transaction.atomic():
        done = Appointment.objects.filter(pk=appointment.pk, state=State.BOOKED).update(
            state=State.NO_SHOW
        )
        if not done:
            raise _state_conflict(appointment)
        event_record(
            application=appointment.application,
            actor=actor,
            action=EventKind.APPOINTMENT_NO_SHOW,
            effective_on=schedule.local_day(appointment.starts_at),
            payload=appointment_facts(appointment),
        )
    appointment.refresh_from_db()
    return appointment
