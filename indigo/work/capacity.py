"""Stock, output and capacity of a unit's queues: what managers steer on (R7, R8, R17).

Definitions, all for a unit on a day `on`:

- *Queues*: `Unit.queues()`. Several units can serve one queue; stock and output are
  then those of the queue, shared by the units, and the throughput per member (the
  queue's output over this unit's members) is an upper bound.
- *Stock* (werkvoorraad): open tasks in the queues, assigned or not. The owning task
  (`handle`) counts too: owning a case is work.
- *Age* of a task: days since its application was received.
- *Days to the deadline*: the application's legal decision date (as stored, kept up to
  date by the lifecycle) minus `on`. "Passed" means the decision date lies before `on`.
- *At risk* / *late*: the marks of `indigo.work.urgency`, so the dashboard and the
  worklists agree: late once the deadline has passed, at risk once `start_by` is reached
  (and the deadline has not passed). Expected late decisions = at risk + late.
- *Output*: tasks completed (state done, not cancelled) in the queues per ISO week
  (Monday to Sunday, Dutch time). The current week is shown as far as it has gone.
- *Queue workers*: members with a caseworker or specialist role; managers and desk
  staff do not take work from queues and are not counted. An employee lent to another
  unit still counts at home too (they split their time: an upper bound).
- *Throughput per member per week*: output in the last 4 complete weeks divided by the
  member-weeks in those weeks (days each queue worker was a member, summed, / 7). None
  when there was no output ("no output yet"): no division by zero, no false zero.
- *Weeks to clear the stock*: stock / (queue workers x throughput per member), if intake
  stopped. Adding N members recomputes it with workers + N. None when it cannot be
  estimated (no throughput or no workers); 0 when there is no stock.

Counts are aggregate queries over the open (or recently completed) tasks of the
queues with conditional COUNTs (`COUNT(*) FILTER (WHERE …)`, the CASE WHEN bucket of
SQL): one query per table or chart, never a loop over tasks in Python.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indigo.organisation.models import Membership, Unit
from indigo.organisation.selectors import members_of
from indigo.organisation.services import QUEUE_WORKER_ROLES
from indigo.work.models import Task

OUTPUT_WEEKS = 8
THROUGHPUT_WEEKS = 4
_WORKER_GROUPS = [role.value for role in QUEUE_WORKER_ROLES]


@dataclass(frozen=True)
class Bucket:
    """A range of days, both ends inclusive; None is open-ended."""

    key: str
    label: str
    low: int | None
    high: int | None


AGE_BUCKETS = (
    Bucket("0-30", _("0 to 30 days"), 0, 30),
    Bucket("31-60", _("31 to 60 days"), 31, 60),
    Bucket("61-90", _("61 to 90 days"), 61, 90),
    Bucket("over-90", _("over 90 days"), 91, None),
)
DEADLINE_BUCKETS = (
    Bucket("passed", _("passed"), None, -1),
    Bucket("0-7", _("0 to 7 days"), 0, 7),
    Bucket("8-30", _("8 to 30 days"), 8, 30),
    Bucket("over-30", _("over 30 days"), 31, None),
)


def _age_q(bucket: Bucket, on: date) -> Q:
    # age = on - received_on, so a higher age is an earlier receipt date.
    q = Q()
    if bucket.low is not None:
        q &= Q(application__received_on__lte=on - timedelta(days=bucket.low))
    if bucket.high is not None:
        q &= Q(application__received_on__gte=on - timedelta(days=bucket.high))
    return q


def _deadline_q(bucket: Bucket, on: date) -> Q:
    q = Q()
    if bucket.low is not None:
        q &= Q(application__decision_due__gte=on + timedelta(days=bucket.low))
    if bucket.high is not None:
        q &= Q(application__decision_due__lte=on + timedelta(days=bucket.high))
    return q


def _late_q(on: date) -> Q:
    return Q(application__decision_due__lt=on)


def _at_risk_q(on: date) -> Q:
    return Q(start_by__lte=on, application__decision_due__gte=on)


# --- stock -------------------------------------------------------------------------


@dataclass(frozen=True)
class Stock:
    total: int
    unassigned: int
    by_age: list[tuple[Bucket, int]]
    by_deadline: list[tuple[Bucket, int]]
    at_risk: int
    late: int

    @property
    def assigned(self) -> int:
        return self.total - self.unassigned

    @property
    def expected_late(self) -> int:
        return self.at_risk + self.late


def _open_tasks(queues) -> QuerySet[Task]:
    return Task.objects.filter(state=Task.State.OPEN, queue__in=sorted(queues)).order_by()


def stock_of(*, queues: set[str], on: date) -> Stock:
    """The open work in `queues` on `on`, in buckets (one query)."""
    counts = _open_tasks(queues).aggregate(
        total=Count("pk"),
        unassigned=Count("pk", filter=Q(assignee__isnull=True)),
        at_risk=Count("pk", filter=_at_risk_q(on)),
        late=Count("pk", filter=_late_q(on)),
        **{f"age_{b.key}": Count("pk", filter=_age_q(b, on)) for b in AGE_BUCKETS},
        **{f"due_{b.key}": Count("pk", filter=_deadline_q(b, on)) for b in DEADLINE_BUCKETS},
    )
    return Stock(
        total=counts["total"],
        unassigned=counts["unassigned"],
        by_age=[(b, counts[f"age_{b.key}"]) for b in AGE_BUCKETS],
        by_deadline=[(b, counts[f"due_{b.key}"]) for b in DEADLINE_BUCKETS],
        at_risk=counts["at_risk"],
        late=counts["late"],
    )


@dataclass(frozen=True)
class UnitStock:
    unit: Unit
    queues: list[str]
    stock: int
    at_risk: int
    late: int

    @property
    def expected_late(self) -> int:
        return self.at_risk + self.late


def units_overview(*, on: date) -> list[UnitStock]:
    """Every unit with the stock of its queues (two grouped queries for all queues).

    The stock is counted without touching the applications; only tasks whose start_by
    has been reached are joined to their application to tell at risk from late. That
    is enough, because start_by never lies after the deadline (see `urgency.start_by`).
    """
    units = list(Unit.objects.select_related("location"))
    queues = set().union(*(unit.queues() for unit in units))
    per_queue: dict[str, dict[str, int]] = defaultdict(lambda: {"at_risk": 0, "late": 0})
    for row in _open_tasks(queues).values("queue").annotate(stock=Count("pk")):
        per_queue[row["queue"]]["stock"] = row["stock"]
    urgent = (
        _open_tasks(queues)
        .filter(start_by__lte=on)
        .values("queue")
        .annotate(
            at_risk=Count("pk", filter=_at_risk_q(on)),
            late=Count("pk", filter=_late_q(on)),
        )
    )
    for row in urgent:
        per_queue[row["queue"]].update(at_risk=row["at_risk"], late=row["late"])
    empty = {"stock": 0, "at_risk": 0, "late": 0}
    return [
        UnitStock(
            unit=unit,
            queues=sorted(unit.queues()),
            **{
                key: sum(per_queue.get(q, empty)[key] for q in unit.queues())
                for key in ("stock", "at_risk", "late")
            },
        )
        for unit in units
    ]


# --- output ------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekOutput:
    monday: date
    completed: int
    complete: bool  # False for the week that is still running

    @property
    def iso_week(self) -> int:
        return self.monday.isocalendar().week

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def output_per_week(*, queues: set[str], on: date, weeks: int = OUTPUT_WEEKS) -> list[WeekOutput]:
    """Tasks completed in `queues` per ISO week, the last `weeks` weeks up to `on`."""
    mondays = [_monday(on) - timedelta(weeks=n) for n in reversed(range(weeks))]
    bounds = [(m, _start_of(m), _start_of(m + timedelta(weeks=1))) for m in mondays]
    counts = (
        Task.objects.filter(
            state=Task.State.DONE,
            queue__in=sorted(queues),
            completed_at__gte=bounds[0][1],
            completed_at__lt=bounds[-1][2],
        )
        .order_by()
        .aggregate(
            **{
                f"w{m:%Y%m%d}": Count("pk", filter=Q(completed_at__gte=s, completed_at__lt=e))
                for m, s, e in bounds
            }
        )
    )
    return [
        WeekOutput(monday=m, completed=counts[f"w{m:%Y%m%d}"], complete=m < _monday(on))
        for m, _s, _e in bounds
    ]


# --- members and capacity ------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    user: AbstractBaseUser
    roles: frozenset[str]
    temporary: bool
    valid_from: date
    valid_to: date | None
    reason: str

    @property
    def works_queues(self) -> bool:
        return bool(self.roles & set(_WORKER_GROUPS))


def members_on(*, unit: Unit, on: date) -> list[Member]:
    """The unit's members on `on`, permanent ones first."""
    memberships = members_of(unit=unit, on=on).prefetch_related("user__groups")
    members = [
        Member(
            user=m.user,
            roles=frozenset(g.name for g in m.user.groups.all()),
            temporary=m.temporary,
            valid_from=m.valid_from,
            valid_to=m.valid_to,
            reason=m.reason,
        )
        for m in memberships
    ]
    return sorted(members, key=lambda m: (m.temporary, m.user.get_username()))


def queue_workers(members: list[Member]) -> int:
    """How many distinct people among `members` take work from the queues."""
    return len({m.user.pk for m in members if m.works_queues})


def member_weeks(*, unit: Unit, start: date, end: date) -> float:
    """Weeks that queue workers were members of `unit` in [start, end)."""
    rows = (
        Membership.objects.filter(unit=unit, valid_from__lt=end)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        .filter(user__groups__name__in=_WORKER_GROUPS)
        .order_by()
        .values_list("user_id", "valid_from", "valid_to")
        .distinct()
    )
    days: dict[int, set[date]] = defaultdict(set)
    last_day = end - timedelta(days=1)
    for user_id, valid_from, valid_to in rows:  # memberships, not tasks: a few dozen
        first, last = max(valid_from, start), min(valid_to or last_day, last_day)
        days[user_id].update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return sum(len(d) for d in days.values()) / 7


def throughput_per_member(*, completed: int, member_weeks: float) -> float | None:
    """Tasks completed per member per week; None when there is no output to go on."""
    if completed <= 0 or member_weeks <= 0:
        return None
    return completed / member_weeks


def weeks_to_clear(
    *, stock: int, members: int, throughput: float | None, extra: int = 0
) -> float | None:
    """Weeks the members (plus `extra` lent ones) need to clear `stock`, intake aside."""
    if stock == 0:
        return 0.0
    weekly = (members + extra) * (throughput or 0)
    if weekly <= 0:
        return None
    return stock / weekly


@dataclass(frozen=True)
class WhatIf:
    extra: int
    members: int
    weeks_to_clear: float | None


@dataclass(frozen=True)
class UnitCapacity:
    unit: Unit
    on: date
    queues: list[str]
    stock: Stock
    output: list[WeekOutput]
    members: list[Member]
    workers: int
    throughput: float | None
    throughput_weeks: list[WeekOutput]
    weeks_to_clear: float | None
    what_if: list[WhatIf]


def unit_capacity(*, unit: Unit, on: date, what_if: tuple[int, ...] = (1, 2)) -> UnitCapacity:
    """All figures of the unit dashboard (five queries, whatever the size of the stock)."""
    queues = unit.queues()
    output = output_per_week(queues=queues, on=on)
    recent = [week for week in output if week.complete][-THROUGHPUT_WEEKS:]
    throughput = None
    if recent:
        throughput = throughput_per_member(
            completed=sum(week.completed for week in recent),
            member_weeks=member_weeks(
                unit=unit, start=recent[0].monday, end=recent[-1].monday + timedelta(weeks=1)
            ),
        )
    stock = stock_of(queues=queues, on=on)
    members = members_on(unit=unit, on=on)
    workers = queue_workers(members)

    def weeks(extra: int) -> float | None:
        return weeks_to_clear(
            stock=stock.total, members=workers, throughput=throughput, extra=extra
        )

    return UnitCapacity(
        unit=unit,
        on=on,
        queues=sorted(queues),
        stock=stock,
        output=output,
        members=members,
        workers=workers,
        throughput=throughput,
        throughput_weeks=recent,
        weeks_to_clear=weeks(0),
        what_if=[WhatIf(extra=n, members=workers + n, weeks_to_clear=weeks(n)) for n in what_if],
    )


def lend_candidates(*, unit: Unit, on: date) -> QuerySet:
    """Queue workers who are not a member of `unit` on `on`, with their current units."""
    current = Membership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on), valid_from__lte=on
    ).select_related("unit")
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=_WORKER_GROUPS)
        .exclude(pk__in=members_of(unit=unit, on=on).values("user_id"))
        .prefetch_related(Prefetch("memberships", queryset=current, to_attr="current_memberships"))
        .distinct()
        .order_by("username")
    )
