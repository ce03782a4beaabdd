"""The capacity simulation: a discrete-event model of FIFO queues with many servers.

Why discrete events and not a fluid model, and why not SimPy: a fluid model (stock
flows at capacity rates) says nothing about waiting while capacity exceeds intake on
average, yet that is exactly where the share decided on time is won or lost, and it
cannot be checked against queueing theory. SimPy would model each caseworker as a
process, at ~10 µs per event: too slow for a national year (600,000 applications,
3,000 staff) in 15 s. A unit here is one first-come-first-served queue served by its
staff, each a server: with FIFO, a job starts at max(its arrival, the earliest moment
a server is free), so a heap of the servers' free moments per unit simulates it
exactly in O(n log c), about a microsecond per application. `tests/test_mmc.py`
checks the waiting time against Erlang C (M/M/c).

The model, per scenario:
- time in calendar days from the start (week 0 starts at day 0);
- arrivals per product per week: Poisson with the forecast mean, spread evenly over
  the week; each goes to one of the units serving its product, chosen with the units'
  staff as weights;
- effort: exponentially distributed with the product's mean hours per application;
  a member of staff delivers `hours_per_week` productive hours per 7 days, so a job
  takes hours / hours_per_week * 7 days of one server;
- staff per unit per week: server i of a unit works in week w when i < staff[w]; a job
  started before a server leaves is finished by it (staff are lent for weeks, not days);
- the starting stock is in the queue at day 0, oldest first, received evenly over the
  last 80% of its legal period;
- a decision is on time when it finishes on or before receipt + the legal period.
"""

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from indigo.planning.penalty import PenaltyRule

DAYS_PER_WEEK = 7.0


@dataclass
class Model:
    """One scenario, fully specified (see `indigo.planning.scenario` for the YAML)."""

    weeks: int
    hours_per_week: float
    # product → mean arrivals per week, one number per week
    intake: dict[str, list[float]]
    hours: dict[str, float]
    legal_days: dict[str, float]
    # unit → staff per week
    staff: dict[str, list[int]]
    # product → units that serve it
    routes: dict[str, list[str]]
    stock: dict[str, int] = field(default_factory=dict)
    penalty: PenaltyRule | None = None
    penalty_exempt: frozenset[str] = frozenset()
    seed: int = 1


@dataclass
class Result:
    weeks: int
    decisions: list[int]
    stock: list[int]
    on_time_share: list[float | None]
    late_decisions: list[int]
    penalty_eur: list[float]
    intake: list[int]
    late_in_stock_at_end: int
    mean_wait_days: float | None = None
    waits: np.ndarray | None = None

    def totals(self) -> dict:
        decided = sum(self.decisions)
        late = sum(self.late_decisions)
        return {
            "intake": sum(self.intake),
            "decisions": decided,
            "stock_at_end": self.stock[-1] if self.stock else 0,
            "on_time_share": round(1 - late / decided, 4) if decided else None,
            "late_decisions": late,
            "late_in_stock_at_end": self.late_in_stock_at_end,
            "penalty_exposure_eur": round(sum(self.penalty_eur), 2),
        }

    def as_json(self) -> dict:
        return {
            "totals": self.totals(),
            "weeks": [
                {
                    "week": w + 1,
                    "intake": self.intake[w],
                    "decisions": self.decisions[w],
                    "stock": self.stock[w],
                    "on_time_share": self.on_time_share[w],
                    "late_decisions": self.late_decisions[w],
                    "penalty_exposure_eur": round(self.penalty_eur[w], 2),
                }
                for w in range(self.weeks)
            ],
        }


def simulate(
    model: Model,
    *,
    progress: Callable[[float], None] | None = None,
    keep_waits: bool = False,
) -> Result:
    rng = np.random.default_rng(model.seed)
    horizon = model.weeks * DAYS_PER_WEEK
    arrivals, units, efforts, deadlines, products = [], [], [], [], []
    product_names = sorted(set(model.intake) | set(model.stock))
    unit_codes = sorted(model.staff)
    index_of = {code: i for i, code in enumerate(unit_codes)}
    for p_index, product in enumerate(product_names):
        route = [u for u in model.routes.get(product, []) if u in model.staff]
        if not route:
            raise ValueError(f"no unit serves product {product!r}")
        weights = np.array([max(model.staff[u][0], 0) + 1e-9 for u in route], dtype=float)
        weights /= weights.sum()
        legal = model.legal_days[product]
        mean_days = model.hours[product] / model.hours_per_week * DAYS_PER_WEEK
        means = np.maximum(np.array(model.intake.get(product, []), dtype=float), 0)
        counts = rng.poisson(means) if len(means) else np.empty(0, dtype=int)
        times = [w * DAYS_PER_WEEK + rng.uniform(0, DAYS_PER_WEEK, n) for w, n in enumerate(counts)]
        t = np.concatenate(times) if times else np.empty(0)
        n0 = int(model.stock.get(product, 0))
        if n0:
            t = np.concatenate([-np.sort(rng.uniform(0, 0.8 * legal, n0))[::-1], t])
        n = len(t)
        route_index = np.array([index_of[u] for u in route])
        arrivals.append(t)
        units.append(route_index[rng.choice(len(route), size=n, p=weights)])
        efforts.append(rng.exponential(mean_days, n))
        deadlines.append(t + legal)
        products.append(np.full(n, p_index))
    arrival = np.concatenate(arrivals)
    unit = np.concatenate(units).astype(int)
    effort = np.concatenate(efforts)
    deadline = np.concatenate(deadlines)
    product = np.concatenate(products).astype(int)
    finish = np.empty_like(arrival)
    start = np.empty_like(arrival) if keep_waits else None
    done = 0
    for u_index, code in enumerate(unit_codes):
        mine = np.flatnonzero(unit == u_index)
        if not len(mine):
            continue
        order = mine[np.argsort(arrival[mine], kind="stable")]
        finish[order], starts = _serve(
            arrival[order].tolist(), effort[order].tolist(), model.staff[code], model.weeks
        )
        if start is not None:
            start[order] = starts
        done += len(mine)
        if progress:
            progress(done / len(arrival))
    return _figures(model, arrival, finish, deadline, product, product_names, horizon, start)


def _serve(arrivals: list[float], efforts: list[float], staff: list[int], weeks: int):
    """FIFO with servers that work in the weeks the staff numbers say (see module doc)."""
    top = max(staff) if staff else 0
    if top <= 0:
        inf = [math.inf] * len(arrivals)
        return inf, inf
    last = len(staff) - 1

    def available_from(i: int, t: float) -> float:
        w = max(0, int(t // DAYS_PER_WEEK))
        while w <= last:
            if i < staff[w]:
                return max(t, w * DAYS_PER_WEEK)
            w += 1
        return math.inf if i >= staff[last] else t

    servers = [(available_from(i, 0.0), i) for i in range(top)]
    heapq.heapify(servers)
    finishes, starts = [], []
    push, pop = heapq.heappush, heapq.heappop
    for arrival, effort in zip(arrivals, efforts, strict=True):
        begin = math.inf
        while servers:
            free, i = pop(servers)
            begin = free if free > arrival else arrival
            ok = available_from(i, begin)
            if ok == begin:
                push(servers, (begin + effort, i))
                break
            begin = math.inf
            if ok != math.inf:  # back when this server works again; else it has left
                push(servers, (ok, i))
        starts.append(begin)
        finishes.append(begin + effort)
    return finishes, starts


def _figures(model, arrival, finish, deadline, product, product_names, horizon, start):
    weeks = model.weeks
    in_horizon = finish < horizon
    finish_week = np.clip((finish[in_horizon] // DAYS_PER_WEEK).astype(int), 0, weeks - 1)
    decided = np.bincount(finish_week, minlength=weeks)
    late_mask = finish[in_horizon] > deadline[in_horizon]
    late = np.bincount(finish_week[late_mask], minlength=weeks)
    arrived_week = np.clip((np.maximum(arrival, 0) // DAYS_PER_WEEK).astype(int), 0, weeks - 1)
    arriving = arrival >= 0
    intake = np.bincount(arrived_week[arriving], minlength=weeks)
    initial = int((~arriving).sum())
    stock = initial + np.cumsum(intake) - np.cumsum(decided)
    penalty = np.zeros(weeks)
    if model.penalty is not None:
        exempt = np.array([name in model.penalty_exempt for name in product_names])
        days_late = (finish[in_horizon] - deadline[in_horizon])[late_mask]
        liable = ~exempt[product[in_horizon][late_mask]]
        weeks_late = finish_week[late_mask]
        amount = _penalties(model.penalty, days_late)
        np.add.at(penalty, weeks_late[liable], amount[liable])
    late_in_stock = int(((finish >= horizon) & (deadline < horizon)).sum())
    waits = None
    mean_wait = None
    if start is not None:
        waits = start - np.maximum(arrival, 0)
        mean_wait = float(np.mean(waits[np.isfinite(waits)])) if len(waits) else None
    return Result(
        weeks=weeks,
        decisions=decided.tolist(),
        stock=stock.astype(int).tolist(),
        on_time_share=[
            round(1 - late[w] / decided[w], 4) if decided[w] else None for w in range(weeks)
        ],
        late_decisions=late.tolist(),
        penalty_eur=penalty.tolist(),
        intake=intake.tolist(),
        late_in_stock_at_end=late_in_stock,
        mean_wait_days=mean_wait,
        waits=waits,
    )


def _penalties(rule: PenaltyRule, days_late: np.ndarray) -> np.ndarray:
    days = np.clip(np.floor(days_late) - rule.grace_days, 0, rule.max_days)
    first, second, third = rule.per_day
    return (
        first * np.minimum(days, 14)
        + second * np.clip(days - 14, 0, 14)
        + third * np.clip(days - 28, 0, None)
    )


def erlang_c_wait(*, arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean wait in the queue of an M/M/c queue (Erlang C), in the rates' time unit."""
    a = arrival_rate / service_rate
    if a >= servers:
        return math.inf
    term = 1.0
    total = 0.0
    for k in range(servers):
        if k:
            term *= a / k
        total += term
    last = term * a / servers if servers else 1.0  # a^c / c!
    tail = last * servers / (servers - a)
    probability_wait = tail / (total + tail)
    return probability_wait / (servers * service_rate - arrival_rate)
