"""Reading penalties: per application on a day, the warnings, and the exposure."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q

from indigo.cases.event_kinds import EventKind
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, ApplicationEvent
from indigo.penalties.calculator import ZERO, Penalty, administrative_penalty, court_penalty
from indigo.penalties.models import CourtPenalty, NoticeOfDefault
from indigo.penalties.rules import PenaltyRules, rules_on

# The events that end the wait for a decision (the decision given, or nothing to decide).
_ENDS = (EventKind.NOTIFIED, EventKind.WITHDRAWN)


@dataclass(frozen=True)
class ApplicationPenalty:
    """What a late decision costs one application on one day."""

    on: date
    notice: NoticeOfDefault | None
    rules: PenaltyRules | None
    administrative: Penalty
    court: list[tuple[CourtPenalty, Penalty]] = field(default_factory=list)
    decided_on: date | None = None
    # Penalties of earlier decisions on the same application (the first decision, then
    # the decision on an objection: Awb 7:14 applies 4:17 to it); they have stopped.
    earlier: list[Penalty] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return (
            self.administrative.amount
            + sum((p.amount for p in self.earlier), ZERO)
            + sum((p.amount for _c, p in self.court), ZERO)
        )

    @property
    def warning(self) -> bool:
        """A penalty can start or is running: owners and managers must act."""
        return self.administrative.can_run or any(p.can_run for _c, p in self.court)


def _decided_on(application: Application, *, after: date) -> date | None:
    prefetched = getattr(application, "decision_events", None)
    if prefetched is not None:
        days = [e.effective_on for e in prefetched if e.effective_on >= after]
        return min(days) if days else None
    return (
        ApplicationEvent.objects.filter(
            application=application, action__in=_ENDS, effective_on__gte=after
        )
        .order_by("effective_on")
        .values_list("effective_on", flat=True)
        .first()
    )


def _with_penalty_facts(qs):
    """Everything `penalty_of` reads, in three queries for the whole list."""
    return qs.select_related("product").prefetch_related(
        "notices_of_default",
        "court_penalties",
        Prefetch(
            "events",
            queryset=ApplicationEvent.objects.filter(action__in=_ENDS),
            to_attr="decision_events",
        ),
    )


def _administrative(application: Application, notice: NoticeOfDefault, *, on: date):
    rules = rules_on(notice.received_on)
    decided_on = _decided_on(application, after=notice.received_on)
    penalty = administrative_penalty(
        rules=rules,
        process=application.product.process,
        period_ends=notice.period_ends,
        notice_received_on=notice.received_on,
        on=on,
        decided_on=decided_on if decided_on and decided_on <= on else None,
    )
    return rules, decided_on, penalty


def penalty_of(*, application: Application, on: date) -> ApplicationPenalty:
    """The penalty of `application` on day `on`.

    One penalty per decision awaited: the first valid notice before a decision counts
    (a later notice about the same decision does not restart it); a notice about a later
    decision (on an objection) starts a penalty of its own.
    """
    notices = [n for n in application.notices_of_default.all() if n.received_on <= on]
    per_decision: dict[date | None, NoticeOfDefault] = {}
    for notice in notices:
        if not notice.premature:
            ended = _decided_on(application, after=notice.received_on)
            per_decision.setdefault(ended if ended and ended <= on else None, notice)
    awaited = sorted(per_decision, key=lambda end: (end is None, end or date.max))
    earlier = [_administrative(application, per_decision[end], on=on)[2] for end in awaited[:-1]]
    notice = per_decision[awaited[-1]] if awaited else (notices[-1] if notices else None)
    rules, decided_on = None, None
    if notice is not None:
        rules, decided_on, administrative = _administrative(application, notice, on=on)
    else:
        administrative = Penalty("no-notice")
    court = []
    for ordered in application.court_penalties.all():
        if ordered.judgment_on > on:
            continue
        ended = _decided_on(application, after=ordered.judgment_on)
        court.append(
            (
                ordered,
                court_penalty(
                    decide_by=ordered.decide_by,
                    eur_per_day=ordered.eur_per_day,
                    max_total_eur=ordered.max_total_eur,
                    on=on,
                    decided_on=ended if ended and ended <= on else None,
                ),
            )
        )
    return ApplicationPenalty(
        on=on,
        notice=notice,
        rules=rules,
        administrative=administrative,
        court=court,
        decided_on=decided_on,
        earlier=earlier,
    )


def penalty_warnings(
    *, on: date, applications=None
) -> list[tuple[Application, ApplicationPenalty]]:
    """Undecided applications with a valid notice of default (or a court penalty) whose
    penalty can start or is running, soonest first. `applications`: a queryset to
    narrow to (an owner's, a unit's)."""
    qs = Application.objects.filter(
        Q(notices_of_default__premature=False) | Q(court_penalties__isnull=False),
        status__in=ACTIVE,
    ).distinct()
    if applications is not None:
        qs = qs.filter(pk__in=applications.values("pk"))
    rows = []
    for application in _with_penalty_facts(qs):
        result = penalty_of(application=application, on=on)
        if result.warning:
            rows.append((application, result))
    rows.sort(key=lambda row: row[1].administrative.starts_on or on)
    return rows


@dataclass
class Exposure:
    """Penalties of one group of applications: paid or owed so far, and still at stake."""

    notices: int = 0
    accrued: Decimal = ZERO
    at_stake: Decimal = ZERO  # what more can accrue if nothing is decided

    def add(self, result: ApplicationPenalty) -> None:
        self.notices += 1
        self.accrued += result.total
        if result.administrative.can_run:
            self.at_stake += result.administrative.maximum - result.administrative.amount
        for ordered, penalty in result.court:
            if penalty.can_run:
                self.at_stake += ordered.max_total_eur - penalty.amount


def penalty_exposure(*, on: date, since: date | None = None) -> dict[str, dict]:
    """Penalties per product and per process (the managers' figure): every application
    with a valid notice or a court penalty received on or after `since`."""
    notices = NoticeOfDefault.objects.filter(premature=False, received_on__lte=on)
    court = CourtPenalty.objects.filter(judgment_on__lte=on)
    if since is not None:
        notices = notices.filter(received_on__gte=since)
        court = court.filter(judgment_on__gte=since)
    with_penalty = Application.objects.filter(
        Q(pk__in=notices.values("application_id")) | Q(pk__in=court.values("application_id"))
    )
    by_product: dict[str, Exposure] = defaultdict(Exposure)
    by_process: dict[str, Exposure] = defaultdict(Exposure)
    total = Exposure()
    for application in _with_penalty_facts(with_penalty):
        result = penalty_of(application=application, on=on)
        by_product[application.product.code].add(result)
        by_process[application.product.process].add(result)
        total.add(result)
    return {"products": dict(by_product), "processes": dict(by_process), "total": total}
