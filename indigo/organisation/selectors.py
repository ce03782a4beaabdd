"""Who belongs where, on a given day."""

from datetime import date

from django.db.models import Q, QuerySet

from indigo.organisation.models import Membership, Unit


def memberships_on(*, user, on: date) -> QuerySet[Membership]:
    return Membership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on), user=user, valid_from__lte=on
    ).select_related("unit")


def units_of(*, user, on: date) -> list[Unit]:
    if not user.is_authenticated:
        return []
    cache = user.__dict__.setdefault("_indigo_units", {})
    if on not in cache:
        cache[on] = [m.unit for m in memberships_on(user=user, on=on)]
    return cache[on]


def queues_of(*, user, on: date) -> set[str]:
    return set().union(*(unit.queues() for unit in units_of(user=user, on=on)))


def specialism_queues_of(*, user, on: date) -> set[str]:
    return set().union(*(unit.specialism_queues() for unit in units_of(user=user, on=on)))


def processes_of(*, user, on: date) -> set[str]:
    return {p for unit in units_of(user=user, on=on) for p in unit.processes}


def members_of(*, unit: Unit, on: date) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on), unit=unit)
        .filter(valid_from__lte=on)
        .select_related("user")
    )
