"""Per-application facts, derived from the event history only.

`fact_from_events` is a pure function of one application's events (plus two look-ups
in dated reference data: the customer group's service norm in the catalog and the
owner's unit on the day of the event). Nothing here is a counter someone keeps: a
fact can always be recomputed, and `facts_rebuild` does so for every application.

Definitions (the measures build on these):

- *received_on*: the `receive` event's day; product, customer group and channel from
  its payload.
- *decided_on*: the day of the first `notify` event (the decision reached the
  applicant). A decision on objection notifies again; it is not a second decision of
  the application.
- *on_time*: decided_on ≤ the legal decision date carried by that `notify` event
  (suspensions and extensions already applied by the lifecycle).
- *within_norm*: decided_on ≤ received_on + the customer group's norm throughput time
  (catalog, version in force on receipt); None without a norm.
- *throughput_days*: decided_on - received_on in calendar days.
- *requests*: `request-information` events before the decision.
- *first_time_right*: decided without a request to the applicant and without a repair
  suspension (complete at intake); None while undecided.
- *unit*: the unit of the last owner of the case (`handle` task taken or reassigned)
  on that day, among the owner's units that serve the product's process.
- *ended_on*: decided_on or the day of withdrawal, whichever came first.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count, F, Max

from indigo import clock
from indigo.cases.event_kinds import EventKind as K
from indigo.cases.models import ApplicationEvent
from indigo.catalog.models import CustomerGroup, Product
from indigo.deadlines.periods import add_period
from indigo.organisation.models import Membership
from indigo.quality.models import ApplicationFact, FactWatermark, OpenStock

HANDLE = "handle"
_OWNERSHIP = {K.OWNERSHIP_TAKEN.value, K.OWNER_REASSIGNED.value, K.TASK_ASSIGNED.value}


class Lookups:
    """The dated reference data a fact needs, cached for one refresh run."""

    def __init__(self):
        self._norms: dict = {}
        self._members: dict | None = None
        self._processes = dict(Product.objects.values_list("code", "process"))

    def norm_due(self, *, product, version_from, group, received_on):
        key = (product, version_from, group)
        if key not in self._norms:
            found = CustomerGroup.objects.filter(
                version__product__code=product, version__valid_from=version_from, code=group
            ).first()
            self._norms[key] = found.norm if found and found.norm_value else None
        norm = self._norms[key]
        return add_period(received_on, norm) if norm else None

    def unit_of(self, *, username, product, on) -> str:
        process = self._processes.get(product)
        if self._members is None:  # every membership at once: a few thousand rows
            self._members = defaultdict(list)
            rows = Membership.objects.select_related("unit").annotate(username=F("user__username"))
            for m in rows.order_by("-temporary", "valid_from", "unit__code"):
                self._members[m.username].append(m)
        for m in self._members.get(username, ()):
            serves = process in (m.unit.processes or [])
            if serves and m.valid_from <= on and (m.valid_to is None or m.valid_to >= on):
                return m.unit.code
        return ""


def fact_from_events(events: Iterable, *, lookups: Lookups) -> dict | None:
    """The fact's fields from one application's events in their order; None before receipt."""
    fact = None
    for event in events:
        kind, p, day = event.action, event.payload or {}, event.effective_on
        if kind == K.RECEIVED:
            fact = {
                "product": p.get("product", ""),
                "customer_group": p.get("customer_group") or "",
                "channel": p.get("channel") or "",
                "received_on": day,
                "norm_due": None,
                "unit": "",
                "decided_on": None,
                "withdrawn_on": None,
                "outcome": "",
                "decision_due": None,
                "requests": 0,
                "repair": False,
                "objection_lodged_on": None,
                "events": 0,
                "last_event_id": 0,
            }
            if fact["customer_group"]:
                fact["norm_due"] = lookups.norm_due(
                    product=fact["product"],
                    version_from=p.get("product_version_valid_from"),
                    group=fact["customer_group"],
                    received_on=day,
                )
        if fact is None:
            continue
        fact["events"] += 1
        fact["last_event_id"] = max(fact["last_event_id"], event.id or 0)
        decided = fact["decided_on"] is not None
        if kind == K.NOTIFIED and not decided:
            fact["decided_on"] = day
            fact["decision_due"] = _date(p.get("decision_due"))
        elif kind == K.WITHDRAWN and not decided and fact["withdrawn_on"] is None:
            fact["withdrawn_on"] = day
        elif kind == K.INFORMATION_REQUESTED and not decided:
            fact["requests"] += 1
        elif kind == K.SUSPENDED and not decided and p.get("kind", "repair") == "repair":
            fact["repair"] = True
        elif kind in (K.DECISION_RECORDED, K.LETTER_SENT) and not decided:
            fact["outcome"] = p.get("outcome") or fact["outcome"]
        elif kind == K.OBJECTION_LODGED and fact["objection_lodged_on"] is None:
            fact["objection_lodged_on"] = day
        elif kind in _OWNERSHIP and p.get("task") == HANDLE and p.get("to") and not decided:
            fact["unit"] = lookups.unit_of(username=p["to"], product=fact["product"], on=day)
    if fact is None:
        return None
    decided_on = fact["decided_on"]
    repair = fact.pop("repair")
    ends = [d for d in (decided_on, fact["withdrawn_on"]) if d is not None]
    fact["ended_on"] = min(ends) if ends else None
    if decided_on is None:
        fact.update(on_time=None, within_norm=None, throughput_days=None, first_time_right=None)
    else:
        due, norm = fact["decision_due"], fact["norm_due"]
        fact["on_time"] = None if due is None else decided_on <= due
        fact["within_norm"] = None if norm is None else decided_on <= norm
        fact["throughput_days"] = (decided_on - fact["received_on"]).days
        fact["first_time_right"] = fact["requests"] == 0 and not repair
    return fact


def _date(value):
    return date.fromisoformat(value) if isinstance(value, str) and value else value


def facts_for(application_ids: list[int], *, lookups: Lookups | None = None) -> list:
    """Fresh (unsaved) facts of these applications, from their events."""
    lookups = lookups or Lookups()
    by_app: dict[int, list] = {pk: [] for pk in application_ids}
    events = (
        ApplicationEvent.objects.filter(application_id__in=application_ids)
        .only("id", "application_id", "action", "payload", "effective_on")
        .order_by("application_id", "occurred_at", "id")
    )
    for event in events.iterator(chunk_size=5000):
        by_app[event.application_id].append(event)
    facts = []
    for pk, app_events in by_app.items():
        values = fact_from_events(app_events, lookups=lookups)
        if values is not None:
            facts.append(ApplicationFact(application_id=pk, **values))
    return facts


_FIELDS = [f.name for f in ApplicationFact._meta.concrete_fields if f.name != "application"]


_STOCK_KEY = ("received_on", "product", "unit", "customer_group", "channel")


def _store(facts: list) -> None:
    """Write the facts and move the open-stock counts by what changed."""
    delta: dict[tuple, int] = defaultdict(int)
    old = ApplicationFact.objects.filter(
        pk__in=[f.application_id for f in facts], ended_on__isnull=True
    ).values_list(*_STOCK_KEY)
    for key in old:
        delta[key] -= 1
    for fact in facts:
        if fact.ended_on is None:
            delta[tuple(getattr(fact, k) for k in _STOCK_KEY)] += 1
    ApplicationFact.objects.bulk_create(
        facts, update_conflicts=True, unique_fields=["application"], update_fields=_FIELDS
    )
    _stock_move({k: d for k, d in delta.items() if d})


def _stock_move(delta: dict[tuple, int]) -> None:
    if not delta:
        return
    days = {key[0] for key in delta}
    current = {
        tuple(getattr(row, k) for k in _STOCK_KEY): row
        for row in OpenStock.objects.filter(received_on__in=days)
    }
    rows = []
    for key, change in delta.items():
        row = current.get(key) or OpenStock(**dict(zip(_STOCK_KEY, key, strict=True)), n=0)
        row.n += change
        rows.append(row)
    OpenStock.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=list(_STOCK_KEY), update_fields=["n"]
    )


def open_stock_rebuild() -> None:
    """The open-stock counts from the facts, from scratch."""
    OpenStock.objects.all().delete()
    rows = (
        ApplicationFact.objects.filter(ended_on__isnull=True)
        .values(*_STOCK_KEY)
        .annotate(count=Count("pk"))
        .order_by()
    )
    OpenStock.objects.bulk_create(
        [OpenStock(n=row.pop("count"), **row) for row in rows], batch_size=5000
    )


def facts_refresh(*, batch: int = 2000, overlap: bool = False) -> int:
    """Bring the facts up to date with the events written since the last refresh.

    Reads events by id above the watermark (a range of the primary key: one cheap query
    when nothing happened). An event whose transaction committed after a refresh may
    carry an id below that refresh's watermark; `overlap` (the worker's job) therefore
    reads again from the watermark of the job's previous run, which catches every
    transaction shorter than the job's interval. Recomputing a fact is idempotent.
    Returns the number of applications whose fact was recomputed.
    """
    with transaction.atomic():
        mark, _ = FactWatermark.objects.select_for_update().get_or_create(pk=1)
        lower = min(mark.previous_event_id, mark.last_event_id) if overlap else mark.last_event_id
        top = ApplicationEvent.objects.aggregate(top=Max("id"))["top"] or 0
        if top <= lower:
            return 0
        ids = sorted(
            set(
                ApplicationEvent.objects.filter(id__gt=lower, id__lte=top).values_list(
                    "application_id", flat=True
                )
            )
        )
        lookups = Lookups()
        for start in range(0, len(ids), batch):
            _store(facts_for(ids[start : start + batch], lookups=lookups))
        if overlap:
            mark.previous_event_id = mark.last_event_id
        mark.last_event_id = max(mark.last_event_id, top)
        mark.refreshed_at = clock.now()
        mark.save()
    return len(ids)


def facts_rebuild(*, batch: int = 2000) -> int:
    """Recompute every fact from scratch (the check on the incremental refresh)."""
    from indigo.cases.models import Application

    with transaction.atomic():
        ApplicationFact.objects.all().delete()
        top = ApplicationEvent.objects.aggregate(top=Max("id"))["top"] or 0
        ids = list(Application.objects.order_by("pk").values_list("pk", flat=True))
        lookups = Lookups()
        for start in range(0, len(ids), batch):
            ApplicationFact.objects.bulk_create(
                facts_for(ids[start : start + batch], lookups=lookups),
                update_conflicts=True,
                unique_fields=["application"],
                update_fields=_FIELDS,
            )
        open_stock_rebuild()
        FactWatermark.objects.update_or_create(
            pk=1,
            defaults={"last_event_id": top, "previous_event_id": top, "refreshed_at": clock.now()},
        )
    return len(ids)


def facts_job() -> str:
    """The worker's periodic job (with the overlap for late commits)."""
    return f"{facts_refresh(overlap=True)} application facts refreshed"
