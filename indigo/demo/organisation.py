"""The demo organisation: IND locations, units, and the staff who work in them.

Staff see the applications of the processes their units handle and get work from
their units' queues (`indigo.organisation`): an integral unit per process works on
`process:<process>` (owning applications, register checks), a specialist unit on
`specialism:<task code>` (document examination, language analysis, …). The desks and
the contact centre see the regular processes (the contact centre also naturalisation,
never asylum) and do no queue work.

Besides the printed logins, a dozen synthetic colleagues (made-up names, no usable
password: nobody can log in as them) share the units, so ownership of applications
and specialist tasks is spread over colleagues as it would be.

Units are found by code or created, so a real organisation loaded first is reused.
The organisation app has no service for permanent memberships (only for lending
someone temporarily), so the demo writes these set-up rows directly.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model

from indigo.accounts.roles import Role, grant_role
from indigo.catalog.models import Process
from indigo.organisation.models import Location, Membership, Unit

ECONOMIC = Process.REGULAR_ECONOMIC.value
SOCIAL = Process.REGULAR_SOCIAL.value
NATURALISATION = Process.NATURALISATION.value
ASYLUM = Process.ASYLUM.value
REGULAR = [ECONOMIC, SOCIAL]

# (code, city, name)
LOCATIONS = [
    ("zwolle", "Zwolle", "IND Zwolle"),
    ("den-bosch", "Den Bosch", "IND Den Bosch"),
    ("den-haag", "Den Haag", "IND Den Haag (Rijnstraat)"),
    ("rijswijk", "Rijswijk", "IND Rijswijk"),
    ("amsterdam", "Amsterdam", "IND Amsterdam"),
    ("ter-apel", "Ter Apel", "IND Ter Apel (application centre)"),
    ("zevenaar", "Zevenaar", "IND Zevenaar (application centre)"),
]


@dataclass(frozen=True)
class DemoUnit:
    code: str
    kind: str
    location: str
    name_en: str
    name_nl: str
    processes: tuple[str, ...] = ()
    specialisms: tuple[str, ...] = ()


def _desk(city_code: str, city: str) -> DemoUnit:
    return DemoUnit(f"desk-{city_code}", "desk", city_code, f"IND desk {city}",
                    f"IND-loket {city}", tuple(REGULAR))  # fmt: skip


UNITS: tuple[DemoUnit, ...] = (
    DemoUnit("work-and-study-zwolle", "integral", "zwolle", "Work and study Zwolle",
             "Arbeid en studie Zwolle", (ECONOMIC,)),
    DemoUnit("family-den-bosch", "integral", "den-bosch", "Family Den Bosch",
             "Familie en gezin Den Bosch", (SOCIAL,)),
    DemoUnit("naturalisation-rijswijk", "integral", "rijswijk", "Naturalisation Rijswijk",
             "Naturalisatie Rijswijk", (NATURALISATION,)),
    DemoUnit("asylum-ter-apel", "integral", "ter-apel", "Asylum Ter Apel", "Asiel Ter Apel",
             (ASYLUM,)),
    DemoUnit("asylum-zevenaar", "integral", "zevenaar", "Asylum Zevenaar", "Asiel Zevenaar",
             (ASYLUM,)),
    DemoUnit("bureau-documenten", "specialist", "rijswijk",
             "Document examination (Bureau Documenten)", "Bureau Documenten",
             specialisms=("document-examination",)),
    DemoUnit("bureau-land-en-taal", "specialist", "rijswijk",
             "Language analysis (Bureau Land en Taal)", "Bureau Land en Taal",
             specialisms=("language-analysis",)),
    # Also serves the integrity reviews that misuse signals open (R16).
    DemoUnit("security-screening", "specialist", "den-haag", "Security and integrity",
             "Veiligheid en integriteit", specialisms=("security-screening", "integrity-review")),
    DemoUnit("bma", "specialist", "rijswijk", "Medical advice (BMA)",
             "Bureau Medische Advisering (BMA)", specialisms=("medical-advice",)),
    _desk("amsterdam", "Amsterdam"),
    _desk("den-bosch", "Den Bosch"),
    _desk("den-haag", "Den Haag"),
    _desk("zwolle", "Zwolle"),
    DemoUnit("contact-centre", "contact-centre", "zwolle", "Contact centre",
             "Klantcontactcentrum", (*REGULAR, NATURALISATION)),
)  # fmt: skip

# The printed logins' units (the other printed logins belong to no unit).
LOGIN_UNITS: dict[Role, tuple[str, ...]] = {
    # Both regular integral units: the seed's student (study) is hers to handle.
    Role.CASEWORKER: ("work-and-study-zwolle", "family-den-bosch"),
    Role.MANAGER: ("work-and-study-zwolle",),  # the team manager of the unit
    Role.SPECIALIST: ("bureau-documenten",),
    Role.DESK: ("desk-den-haag",),
    Role.CONTACT: ("contact-centre",),
}


@dataclass(frozen=True)
class Colleague:
    username: str
    given_name: str
    family_name: str
    role: Role
    units: tuple[str, ...]


C, S = Role.CASEWORKER, Role.SPECIALIST
# Synthetic colleagues: made-up people, no usable password.
COLLEAGUES: tuple[Colleague, ...] = (
    Colleague("anouk.visser", "Anouk", "Visser", C, ("work-and-study-zwolle",)),
    Colleague("mohamed.elamrani", "Mohamed", "El Amrani", C, ("work-and-study-zwolle",)),
    Colleague("sanne.devries", "Sanne", "de Vries", C, ("family-den-bosch",)),
    Colleague("koen.jansen", "Koen", "Jansen", C, ("family-den-bosch",)),
    Colleague("ruben.smit", "Ruben", "Smit", C, ("naturalisation-rijswijk",)),
    Colleague("fatma.yilmaz", "Fatma", "Yilmaz", C, ("naturalisation-rijswijk",)),
    Colleague("bram.mulder", "Bram", "Mulder", C, ("asylum-ter-apel",)),
    Colleague("lotte.hendriks", "Lotte", "Hendriks", C, ("asylum-ter-apel",)),
    Colleague("daan.deboer", "Daan", "de Boer", C, ("asylum-zevenaar",)),
    Colleague("priya.ramdin", "Priya", "Ramdin", S, ("bureau-documenten",)),
    Colleague("joost.vandijk", "Joost", "van Dijk", S, ("bureau-documenten",)),
    Colleague("nadia.haddad", "Nadia", "Haddad", S, ("bureau-land-en-taal",)),
    Colleague("thomas.kok", "Thomas", "Kok", S, ("security-screening",)),
    Colleague("marieke.dekker", "Marieke", "Dekker", S, ("bma",)),
)
COLLEAGUE_USERNAMES = tuple(c.username for c in COLLEAGUES)


def demo_colleagues_create() -> list:
    """The synthetic colleagues (none may exist yet), in the order of COLLEAGUES."""
    User = get_user_model()
    users = []
    for colleague in COLLEAGUES:
        user = User(
            username=colleague.username,
            first_name=colleague.given_name,
            last_name=colleague.family_name,
            email=f"{colleague.username}@demo.indigo.invalid",
        )
        user.set_unusable_password()
        user.save()
        grant_role(user, colleague.role)
        users.append(user)
    return users


class Organisation:
    """Who works where: the demo's staff by process and by specialism."""

    def __init__(self, *, units: dict[str, Unit], members: list[tuple[object, Role, str]]):
        self.units = units
        self._members = members  # (user, role, unit code)

    def _of(self, role: Role, *, process: str | None = None, specialism: str | None = None):
        found = []
        for user, member_role, code in self._members:
            unit = self.units[code]
            if member_role != role or user in found:
                continue
            if (process and process in unit.processes) or (
                specialism and specialism in unit.specialisms
            ):
                found.append(user)
        return found

    def caseworkers(self, process: str) -> list:
        return self._of(Role.CASEWORKER, process=process)

    def managers(self, process: str) -> list:
        return self._of(Role.MANAGER, process=process)

    def desk(self, process: str) -> list:
        return self._of(Role.DESK, process=process)

    def specialists(self, task_code: str) -> list:
        return self._of(Role.SPECIALIST, specialism=task_code)


def demo_organisation_create(*, users: dict, colleagues: list, since: date) -> Organisation:
    """Locations, units, and memberships from `since` for the logins and colleagues."""
    locations = {
        code: Location.objects.get_or_create(code=code, defaults={"name": name, "city": city})[0]
        for code, city, name in LOCATIONS
    }
    units = {
        unit.code: Unit.objects.get_or_create(
            code=unit.code,
            defaults={
                "kind": unit.kind,
                "location": locations[unit.location],
                "name_en": unit.name_en,
                "name_nl": unit.name_nl,
                "processes": list(unit.processes),
                "specialisms": list(unit.specialisms),
            },
        )[0]
        for unit in UNITS
    }
    members = [(users[role], role, code) for role, codes in LOGIN_UNITS.items() for code in codes]
    members += [
        (user, colleague.role, code)
        for user, colleague in zip(colleagues, COLLEAGUES, strict=True)
        for code in colleague.units
    ]
    Membership.objects.bulk_create(
        Membership(user=user, unit=units[code], valid_from=since, reason="Demo organisation.")
        for user, _role, code in members
    )
    for user, _role, _code in members:
        user.__dict__.pop("_indigo_units", None)  # the selectors cache units per user
    return Organisation(units=units, members=members)
