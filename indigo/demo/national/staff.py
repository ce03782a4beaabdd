"""The generated workload's staff: one unit per process and per specialism, N employees.

Created through the ORM (a few thousand rows at most) and reused by later runs. Every
employee works in exactly one unit, so the queue of a task says who may have done it.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from indigo.accounts.roles import Role
from indigo.catalog.models import Process, TaskDefinition
from indigo.organisation.models import Location, Membership, Unit

PREFIX = "gen-"
GENERATOR_USERNAME = "indigo-generator"
# Share of the staff in the specialist units (the rest are caseworkers).
SPECIALIST_SHARE = 0.2


def generator_user():
    """The account that 'created' every generated application (how a rerun finds them)."""
    user, created = get_user_model().objects.get_or_create(
        username=GENERATOR_USERNAME,
        defaults={"first_name": "Workload", "last_name": "Generator", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _units() -> tuple[list[Unit], list[Unit]]:
    location, _ = Location.objects.get_or_create(
        code=f"{PREFIX}zwolle", defaults={"name": "IND Zwolle (generated)", "city": "Zwolle"}
    )
    processes = [
        Unit.objects.update_or_create(
            code=f"{PREFIX}{process}",
            defaults={
                "name_en": f"Generated {process}",
                "name_nl": f"Gegenereerd {process}",
                "kind": Unit.Kind.INTEGRAL,
                "location": location,
                "processes": [process],
                "specialisms": [],
            },
        )[0]
        for process in Process.values
    ]
    specialisms = sorted(
        set(
            TaskDefinition.objects.filter(
                queue_kind=TaskDefinition.QueueKind.SPECIALISM
            ).values_list("code", flat=True)
        )
    )
    specialist = [
        Unit.objects.update_or_create(
            code=f"{PREFIX}{code}",
            defaults={
                "name_en": f"Generated {code}",
                "name_nl": f"Gegenereerd {code}",
                "kind": Unit.Kind.SPECIALIST,
                "location": location,
                "processes": [],
                "specialisms": [code],
            },
        )[0]
        for code in specialisms
    ]
    return processes, specialist


def staff_ensure(count: int) -> dict[str, list[tuple[int, str]]]:
    """`count` employees over the units; answers queue → [(user id, username), …]."""
    User = get_user_model()
    with transaction.atomic():
        process_units, specialist_units = _units()
        existing = set(
            User.objects.filter(username__startswith=f"{PREFIX}emp-").values_list(
                "username", flat=True
            )
        )
        caseworker, _ = Group.objects.get_or_create(name=Role.CASEWORKER.value)
        specialist, _ = Group.objects.get_or_create(name=Role.SPECIALIST.value)
        n_specialists = round(count * SPECIALIST_SHARE) if specialist_units else 0
        placements = {}
        for n in range(1, count + 1):
            if n <= count - n_specialists:
                unit = process_units[n % len(process_units)]
                placements[f"{PREFIX}emp-{n:05d}"] = (unit, caseworker)
            else:
                placements[f"{PREFIX}emp-{n:05d}"] = (
                    specialist_units[n % len(specialist_units)],
                    specialist,
                )
        new = [
            User(
                username=name,
                first_name="Employee",
                last_name=name.rsplit("-", 1)[1],
                email=f"{name}@generated.invalid",
                password="!generated-no-login",
            )
            for name in placements
            if name not in existing
        ]
        User.objects.bulk_create(new, batch_size=1000)
        made = User.objects.filter(username__in=[u.username for u in new])
        User.groups.through.objects.bulk_create(
            [
                User.groups.through(user_id=u.pk, group_id=placements[u.username][1].pk)
                for u in made
            ],
            ignore_conflicts=True,
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    user=u,
                    unit=placements[u.username][0],
                    valid_from=date(2000, 1, 1),
                    reason="generated workload",
                )
                for u in made
            ]
        )
    queues: dict[str, list[tuple[int, str]]] = {}
    memberships = Membership.objects.filter(user__username__startswith=f"{PREFIX}emp-")
    for user_id, username, processes, specialisms in memberships.values_list(
        "user_id", "user__username", "unit__processes", "unit__specialisms"
    ).order_by("user__username"):
        for process in processes:
            queues.setdefault(f"process:{process}", []).append((user_id, username))
        for code in specialisms:
            queues.setdefault(f"specialism:{code}", []).append((user_id, username))
    return queues
