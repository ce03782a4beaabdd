"""Reads for the desks: who works where, which desks an applicant can choose, whose
appointments someone may see.

Applicants see appointments of the applications `applications_visible_to` gives them
(their own); desk staff see the appointments of the desks they work at: a desk is
staffed by the desk units (`organisation.Unit`, kind desk) at its location.
"""

from datetime import date

from django.db.models import QuerySet

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.cases.access import applications_visible_to
from indigo.cases.models import Application
from indigo.decisions.models import Decision
from indigo.desks.models import Appointment, AppointmentType, Desk
from indigo.desks.slots import day_bounds, local_day
from indigo.organisation.models import Unit
from indigo.organisation.selectors import units_of


def desks_of(*, user, on: date | None = None) -> QuerySet[Desk]:
    """The desks `user` works at today (every desk for a superuser)."""
    if not user.is_authenticated:
        return Desk.objects.none()
    if user.is_superuser:
        return Desk.objects.all()
    if not has_role(user, Role.DESK):
        return Desk.objects.none()
    locations = [
        unit.location_id
        for unit in units_of(user=user, on=on or clock.today())
        if unit.kind == Unit.Kind.DESK
    ]
    return Desk.objects.filter(location__in=locations)


def works_at(*, user, desk: Desk) -> bool:
    return desks_of(user=user).filter(pk=desk.pk).exists()


def desks_for(*, application: Application, appointment_type: AppointmentType) -> list[Desk]:
    """The active desks that offer `appointment_type` to the applicant of `application`."""
    desks = Desk.objects.filter(
        active=True, capacities__appointment_type=appointment_type
    ).select_related("location")
    return [desk for desk in desks if desk.serves(application.product.code)]


def bookable_applications(*, user) -> QuerySet[Application]:
    """The user's own applications, for which they can book (not withdrawn)."""
    return (
        applications_visible_to(user)
        .filter(applicant__user=user)
        .exclude(status="withdrawn")
        .select_related("product")
        .order_by("-received_on", "-id")
    )


def appointments_of(*, user) -> QuerySet[Appointment]:
    """The appointments of the user's own applications, latest first."""
    return (
        Appointment.objects.filter(
            application__in=applications_visible_to(user), applicant__user=user
        )
        .select_related("desk", "appointment_type", "application")
        .order_by("-starts_at", "-id")
    )


def appointments_at(*, desk: Desk, day: date) -> QuerySet[Appointment]:
    start, end = day_bounds(day)
    return (
        Appointment.objects.filter(desk=desk, starts_at__gte=start, starts_at__lt=end)
        .select_related("appointment_type", "applicant", "application")
        .order_by("starts_at", "seat")
    )


def appointments_of_applications(*, application_ids) -> QuerySet[Appointment]:
    """The appointments of these applications (the caller chose them by visibility)."""
    return (
        Appointment.objects.filter(application_id__in=list(application_ids))
        .select_related("desk", "appointment_type", "application")
        .order_by("-starts_at", "-id")
    )


def appointment_actions(*, appointment: Appointment) -> list[str]:
    """What can happen to an appointment now, by its state and time (who may do it is
    decided elsewhere): move, cancel, identify, biometrics, hand-out, no-show."""
    now = clock.now()
    state = appointment.state
    actions = []
    if state == Appointment.State.BOOKED:
        if appointment.starts_at > now:
            actions += ["move", "cancel"]
        if local_day(appointment.starts_at) <= clock.today():
            actions.append("identify")
        if now >= appointment.ends_at:
            actions.append("no-show")
    elif state == Appointment.State.ATTENDED and appointment.identified_at is not None:
        kind = appointment.appointment_type
        if kind.takes_biometrics and appointment.biometrics_at is None:
            actions.append("biometrics")
        if kind.issues_residence_document and appointment.document_issued_at is None:
            actions.append("hand-out")
    return actions


def card_ready(*, application_id: int) -> bool:
    """Whether a residence card can be collected: a residence permit was granted and
    notified on the application. (Card production itself is not modelled: the card is
    taken to be ready once the grant is notified.)"""
    return Decision.objects.filter(
        application_id=application_id,
        notified_on__isnull=False,
        outcome__in=[Decision.Outcome.GRANT, Decision.Outcome.GRANT_DIFFERENTLY],
    ).exists()
