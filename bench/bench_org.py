"""The benchmark's organisation: units, 2,000 employees, the worklist user, the workers.

Created once through the ORM (a few thousand rows) and reused by every run.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction

from indigo.accounts.roles import Role
from indigo.organisation.models import Location, Membership, Unit
from indigo.work.models import Task

EMPLOYEES = 2000
WORKLIST_USER = "bench-worklist"
WORKLIST_OPEN_TASKS = 50
WORKLIST_DONE_TASKS = 25


# The employees: process units of caseworkers and specialist units.
PROCESS_UNITS = {  # unit code -> process
    "bench-asylum": "asylum",
    "bench-naturalisation": "naturalisation",
    "bench-regular-social": "regular-social",
    "bench-regular-economic": "regular-economic",
}
SPECIALIST_UNITS = {  # unit code -> specialism
    "bench-documents": "document-examination",
    "bench-language": "language-analysis",
}
BOTH_REGULAR_UNIT = "bench-regular"  # covers both regular processes (two queues)


def _staff_user(username: str, role: Role, first: str, last: str):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@bench.invalid"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    return user


def _unit(code: str, kind: str, *, processes=(), specialisms=(), city="Zwolle") -> Unit:
    location, _ = Location.objects.get_or_create(
        code=f"bench-{city.lower()}", defaults={"name": f"IND {city}", "city": city}
    )
    unit, _ = Unit.objects.update_or_create(
        code=code,
        defaults={
            "name_en": code,
            "name_nl": code,
            "kind": kind,
            "location": location,
            "processes": list(processes),
            "specialisms": list(specialisms),
        },
    )
    return unit


def _join(user, unit: Unit, *, temporary=False) -> None:
    Membership.objects.get_or_create(
        user=user,
        unit=unit,
        defaults={"valid_from": date(2020, 1, 1), "temporary": temporary, "reason": "bench"},
    )


# --- the organisation ----------------------------------------------------------------


def organisation_ensure() -> dict:
    """Units, 2,000 employees, the worklist user and the get-next workers."""
    units = {
        code: _unit(code, Unit.Kind.INTEGRAL, processes=[p]) for code, p in PROCESS_UNITS.items()
    }
    units.update(
        {
            code: _unit(code, Unit.Kind.SPECIALIST, specialisms=[s], city="Rijswijk")
            for code, s in SPECIALIST_UNITS.items()
        }
    )
    units[BOTH_REGULAR_UNIT] = _unit(
        BOTH_REGULAR_UNIT,
        Unit.Kind.INTEGRAL,
        processes=["regular-social", "regular-economic"],
        city="Den Bosch",
    )
    _employees_ensure(units)
    worklist_user = _staff_user(WORKLIST_USER, Role.CASEWORKER, "Wendy", "Worklist")
    _join(worklist_user, units["bench-regular-economic"])
    workers = _workers_ensure(units)
    return {"units": units, "worklist_user": worklist_user, "workers": workers}


def _employees_ensure(units: dict) -> None:
    """2,000 employees: 1,600 caseworkers over the process units, 400 specialists."""
    User = get_user_model()
    if User.objects.filter(username__startswith="bench-emp-").count() >= EMPLOYEES:
        return
    caseworker, _ = Group.objects.get_or_create(name=Role.CASEWORKER.value)
    specialist, _ = Group.objects.get_or_create(name=Role.SPECIALIST.value)
    process_units = list(PROCESS_UNITS)
    specialist_units = list(SPECIALIST_UNITS)
    with transaction.atomic():
        existing = set(
            User.objects.filter(username__startswith="bench-emp-").values_list(
                "username", flat=True
            )
        )
        new = [
            User(
                username=f"bench-emp-{n:04d}",
                first_name="Employee",
                last_name=f"{n:04d}",
                email=f"bench-emp-{n:04d}@bench.invalid",
                password="!bench-no-login",
            )
            for n in range(1, EMPLOYEES + 1)
            if f"bench-emp-{n:04d}" not in existing
        ]
        User.objects.bulk_create(new, batch_size=1000)
        made = User.objects.filter(username__in=[u.username for u in new]).order_by("username")
        links, memberships = [], []
        for user in made:
            n = int(user.username.rsplit("-", 1)[1])
            if n <= EMPLOYEES * 8 // 10:
                unit, group = units[process_units[n % len(process_units)]], caseworker
            else:
                unit, group = units[specialist_units[n % len(specialist_units)]], specialist
            links.append(User.groups.through(user_id=user.pk, group_id=group.pk))
            memberships.append(
                Membership(user=user, unit=unit, valid_from=date(2020, 1, 1), reason="bench")
            )
        User.groups.through.objects.bulk_create(links, ignore_conflicts=True)
        Membership.objects.bulk_create(memberships)


# The get-next workers, two sets of 8. "single": each worker serves one queue (every
# queue shared by two workers, except the language-analysis one). "mixed": three
# workers cover two queues each (a unit serving both regular processes; a temporary
# loan to naturalisation, R7), as real rosters do.
WORKER_SETS = {
    "single": [
        ("bench-single-1", Role.CASEWORKER, ["bench-asylum"]),
        ("bench-single-2", Role.CASEWORKER, ["bench-asylum"]),
        ("bench-single-3", Role.CASEWORKER, ["bench-regular-economic"]),
        ("bench-single-4", Role.CASEWORKER, ["bench-regular-economic"]),
        ("bench-single-5", Role.CASEWORKER, ["bench-regular-social"]),
        ("bench-single-6", Role.CASEWORKER, ["bench-naturalisation"]),
        ("bench-single-7", Role.SPECIALIST, ["bench-documents"]),
        ("bench-single-8", Role.SPECIALIST, ["bench-language"]),
    ],
    "mixed": [
        ("bench-next-1", Role.CASEWORKER, ["bench-asylum"]),
        ("bench-next-2", Role.CASEWORKER, ["bench-asylum", "bench-naturalisation"]),
        ("bench-next-3", Role.CASEWORKER, [BOTH_REGULAR_UNIT]),
        ("bench-next-4", Role.CASEWORKER, [BOTH_REGULAR_UNIT]),
        ("bench-next-5", Role.CASEWORKER, ["bench-regular-economic"]),
        ("bench-next-6", Role.CASEWORKER, ["bench-regular-social"]),
        ("bench-next-7", Role.SPECIALIST, ["bench-documents"]),
        ("bench-next-8", Role.SPECIALIST, ["bench-language"]),
    ],
}


def _workers_ensure(units: dict) -> dict[str, list]:
    sets = {}
    for name, specs in WORKER_SETS.items():
        sets[name] = []
        for username, role, unit_codes in specs:
            user = _staff_user(username, role, "Worker", username.rsplit("-", 1)[1])
            for i, code in enumerate(unit_codes):
                _join(user, units[code], temporary=i > 0)
            sets[name].append(user)
    return sets


def worklist_user_prepare(user) -> int:
    """Give the worklist user exactly 50 open tasks (and 25 done ones) of its queue.

    They are taken over from other employees of the same unit, so the "get next" pool
    is untouched. The 2,000 employees hold ~30% of the open tasks between them, which
    at 1M applications is ~230 each; the issue's worklist user has ~50.
    """
    open_now = Task.objects.filter(assignee=user, state=Task.State.OPEN).count()
    if open_now == WORKLIST_OPEN_TASKS:
        return open_now
    with connection.cursor() as c, transaction.atomic():
        c.execute(
            "UPDATE work_task SET assignee_id = NULL, assigned_at = NULL "
            "WHERE assignee_id = %s AND state = 'open'",
            [user.pk],
        )
        for state, count, handle_share in (
            ("open", WORKLIST_OPEN_TASKS, 0.6),
            ("done", WORKLIST_DONE_TASKS, 0.0),
        ):
            handles = round(count * handle_share)
            for is_handle, n in ((True, handles), (False, count - handles)):
                if not n:
                    continue
                c.execute(
                    f"""
                    UPDATE work_task SET assignee_id = %(u)s,
                        completed_by_id = CASE WHEN state = 'open' THEN NULL ELSE %(u)s END
                    WHERE id IN (
                      SELECT id FROM work_task
                      WHERE queue = 'process:regular-economic' AND state = %(state)s
                        AND assignee_id IS NOT NULL AND assignee_id <> %(u)s
                        AND code {"=" if is_handle else "<>"} 'handle'
                      ORDER BY md5(id::text) LIMIT %(n)s)
                    """,
                    {"u": user.pk, "state": state, "n": n},
                )
    return Task.objects.filter(assignee=user, state=Task.State.OPEN).count()
