"""The demo's logins: one user per role, with a fixed, printed password.

Their units are in `indigo.demo.organisation` (the caseworker in the two regular
integral units, the specialist in Bureau Documenten, …), where also their synthetic
colleagues are, who cannot log in.

These passwords are for a local demo only. They are published in this file and on the
console, so a database loaded with them must never be reachable by anyone else.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from indigo.accounts.roles import Role, grant_role


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    given_name: str
    family_name: str
    try_this: str

    @property
    def password(self) -> str:
        return f"demo-{self.role.value}-2026"


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin(
        "admin",
        Role.ADMIN,
        "Ada",
        "Admin",
        "Django admin at /admin/: products, versions, users; everything staff can do",
    ),
    DemoLogin(
        "caseworker",
        Role.CASEWORKER,
        "Casper",
        "Caseworker",
        "My work (/work/): your cases by urgency; Get next; move a case through its phases",
    ),
    DemoLogin(
        "manager",
        Role.MANAGER,
        "Mila",
        "Manager",
        "Units and queues (/work/units): stock, output, lend an employee; extend a deadline",
    ),
    DemoLogin(
        "specialist",
        Role.SPECIALIST,
        "Sam",
        "Specialist",
        "My work (/work/): document examinations by urgency; Get next; record a result",
    ),
    DemoLogin(
        "desk",
        Role.DESK,
        "Dana",
        "Desk",
        "Regular applications: start intake, register an objection, add a passport",
    ),
    DemoLogin(
        "contact",
        Role.CONTACT,
        "Chris",
        "Contact",
        "Find a person (/contacts/persons) and their applications; no asylum files",
    ),
    DemoLogin(
        "applicant",
        Role.APPLICANT,
        "Valentina",
        "Restrepo Gómez",
        "The seed's Colombian student: her own applications only (/api/v1/applications)",
    ),
    DemoLogin(
        "sponsor",
        Role.SPONSOR,
        "Sofia",
        "Sponsor",
        "A university's international office, a recognised sponsor (erkend referent)",
    ),
    DemoLogin(
        "partner",
        Role.PARTNER,
        "Pieter",
        "Prosecutor",
        "The public prosecutor: POST /api/v1/residence-status with a V-number and a purpose",
    ),
    DemoLogin(
        "privacy",
        Role.PRIVACY,
        "Priya",
        "Privacy",
        "Who saw a person's data (/staff/privacy/access-log), e.g. V-number of a demo person",
    ),
)
DEMO_USERNAMES = tuple(login.username for login in DEMO_LOGINS)


def demo_login(role: Role) -> DemoLogin:
    return next(login for login in DEMO_LOGINS if login.role == role)


def existing_demo_usernames() -> set[str]:
    return set(
        get_user_model()
        .objects.filter(username__in=DEMO_USERNAMES)
        .values_list("username", flat=True)
    )


def demo_users_create() -> dict[Role, object]:
    """Create the demo users (none may exist yet); returns them by role."""
    User = get_user_model()
    # Hashing is deliberately slow (~0.5 s a password); the hash function releases
    # the GIL, so the eight run side by side.
    with ThreadPoolExecutor(max_workers=len(DEMO_LOGINS)) as pool:
        hashes = list(pool.map(make_password, [login.password for login in DEMO_LOGINS]))
    users = {}
    for login, password_hash in zip(DEMO_LOGINS, hashes, strict=True):
        is_admin = login.role == Role.ADMIN
        user = User(
            username=login.username,
            first_name=login.given_name,
            last_name=login.family_name,
            email=f"{login.username}@demo.indigo.invalid",
            is_staff=is_admin,  # the Django admin; other staff use Indigo's own screens
            is_superuser=is_admin,
        )
        user.password = password_hash
        user.save()
        grant_role(user, login.role)
        users[login.role] = user
    return users


def login_table(*, header: bool = True) -> list[str]:
    """The logins as lines of a plain-text table."""
    rows = [(lg.username, lg.password, lg.role.value, lg.try_this) for lg in DEMO_LOGINS]
    titles = ("username", "password", "role", "what to try")
    widths = [max(len(r[i]) for r in [titles, *rows]) for i in range(3)]
    lines = []

    def line(row):
        return "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]

    if header:
        lines.append(line(titles))
        lines.append(line((*("-" * w for w in widths), "-" * 11)))
    lines.extend(line(row) for row in rows)
    return lines
