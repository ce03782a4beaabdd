"""Desks, appointment types and applicants with a portal account, for the desk tests."""

from datetime import time

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.tests.factories import make_application
from indigo.desks.models import AppointmentType, Capacity, Desk, OpeningHours
from indigo.organisation.models import Location

OFFICE_HOURS = [(weekday, time(9), time(17)) for weekday in range(5)]
REGULAR = ["regular-economic", "regular-social"]


def make_type(code="biometrics", *, minutes=15, biometrics=True, document=False):
    kind, _ = AppointmentType.objects.get_or_create(
        code=code,
        defaults={
            "name_en": code.replace("-", " ").capitalize(),
            "name_nl": f"{code} (nl)",
            "duration_minutes": minutes,
            "takes_biometrics": biometrics,
            "issues_residence_document": document,
        },
    )
    return kind


def make_desk(
    code="den-haag",
    *,
    city="Den Haag",
    seats=None,
    hours=OFFICE_HOURS,
    kind=Desk.Kind.REGULAR,
    products=(),
    active=True,
):
    """A desk at the location of `city` (where `make_unit` puts the desk's staff unit).

    `seats`: {appointment type: counters per slot}; default 2 for biometrics.
    """
    location, _ = Location.objects.get_or_create(
        code=city.lower(), defaults={"name": f"IND {city}", "city": city}
    )
    desk = Desk.objects.create(
        code=code,
        kind=kind,
        name_en=f"IND desk {city}",
        name_nl=f"IND-loket {city}",
        location=location,
        products=list(products),
        active=active,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(desk=desk, weekday=d, opens=o, closes=c) for d, o, c in hours
    )
    for appointment_type, n in (seats or {make_type(): 2}).items():
        Capacity.objects.create(desk=desk, appointment_type=appointment_type, seats=n)
    return desk


def desk_employee(desk: Desk, **kwargs):
    """A member of staff of the desk unit at the desk's location."""
    unit = make_unit(f"desk-{desk.code}", kind="desk", processes=REGULAR, city=desk.location.city)
    return user_with_role("desk", units=[unit], **kwargs)


def applicant_with_application(*, product="study", granted=True, **kwargs):
    """An applicant's portal account and an application of theirs (made through the
    portal, so the applicant is linked to the account); by default with a notified
    grant, so a residence card may be handed out."""
    user = user_with_role("applicant")
    application = make_application(actor=user, product=product, **kwargs)
    if granted:
        grant_notified(application)
    return user, application


def grant_notified(application):
    """Desk tests stand on a decision already taken (the decisions app tests how)."""
    from indigo import clock
    from indigo.decisions.models import Decision

    return Decision.objects.create(
        application=application,
        proposal="grant",
        outcome=Decision.Outcome.GRANT,
        decided_by=user_with_role("caseworker"),
        decided_at=clock.now(),
        notified_on=clock.today(),
    )
