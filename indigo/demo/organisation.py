"""A small demo organisation: locations, units, and the demo staff as their members.

Staff see the applications of the processes their units handle and get work from
their units' queues (`indigo.organisation`), so without units the demo logins would
see nothing. Units are found by code or created, so a real organisation loaded first
is reused. The organisation app has no service for permanent memberships (only for
lending someone temporarily), so the demo writes these set-up rows directly.
"""

from datetime import date

from indigo.accounts.roles import Role
from indigo.catalog.models import Process, TaskDefinition

# (code, city, name)
LOCATIONS = [
    ("den-haag", "Den Haag", "IND Den Haag"),
    ("zwolle", "Zwolle", "IND Zwolle"),
    ("ter-apel", "Ter Apel", "Application centre Ter Apel"),
    ("rijswijk", "Rijswijk", "IND Rijswijk"),
    ("amsterdam", "Amsterdam", "IND desk Amsterdam"),
]
ALL_PROCESSES = [p.value for p in Process]

# (code, kind, location, English name, Dutch name, processes, specialisms or None = all)
UNITS = [
    ("demo-work-and-study", "integral", "zwolle", "Work and study", "Arbeid en studie",
     [Process.REGULAR_ECONOMIC.value], []),
    ("demo-family", "integral", "den-haag", "Family", "Familie en gezin",
     [Process.REGULAR_SOCIAL.value], []),
    ("demo-asylum", "integral", "ter-apel", "Asylum", "Asiel", [Process.ASYLUM.value], []),
    ("demo-naturalisation", "integral", "zwolle", "Naturalisation", "Naturalisatie",
     [Process.NATURALISATION.value], []),
    ("demo-specialists", "specialist", "rijswijk", "Specialist advice", "Specialistisch advies",
     [], None),
    ("demo-desk-amsterdam", "desk", "amsterdam", "Service desk Amsterdam", "IND-loket Amsterdam",
     ALL_PROCESSES, []),
    ("demo-contact-centre", "contact-centre", "den-haag", "Contact centre", "Contactcentrum",
     ALL_PROCESSES, []),
]  # fmt: skip

INTEGRAL = [code for code, kind, *_ in UNITS if kind == "integral"]
MEMBERS: dict[Role, list[str]] = {
    Role.CASEWORKER: INTEGRAL,
    Role.MANAGER: INTEGRAL,
    Role.SPECIALIST: ["demo-specialists"],
    Role.DESK: ["demo-desk-amsterdam"],
    Role.CONTACT: ["demo-contact-centre"],
}


def demo_organisation_create(*, users: dict, since: date) -> bool:
    """Units and memberships from `since`; False if the organisation app is absent."""
    try:
        from indigo.organisation.models import Location, Membership, Unit
    except Exception:  # an older build without units: everyone sees everything
        return False
    locations = {
        code: Location.objects.get_or_create(code=code, defaults={"name": name, "city": city})[0]
        for code, city, name in LOCATIONS
    }
    units = {}
    for code, kind, location, name_en, name_nl, processes, specialisms in UNITS:
        if specialisms is None:
            specialisms = _specialisms()
        units[code] = Unit.objects.get_or_create(
            code=code,
            defaults={
                "kind": kind,
                "location": locations[location],
                "name_en": name_en,
                "name_nl": name_nl,
                "processes": processes,
                "specialisms": specialisms,
            },
        )[0]
    for role, codes in MEMBERS.items():
        user = users[role]
        for code in codes:
            Membership.objects.create(
                user=user, unit=units[code], valid_from=since, reason="Demo organisation."
            )
        user.__dict__.pop("_indigo_units", None)  # the selectors cache units per user
    return True


def _specialisms() -> list[str]:
    codes = TaskDefinition.objects.filter(queue_kind=TaskDefinition.QueueKind.SPECIALISM)
    return sorted(set(codes.values_list("code", flat=True)))
