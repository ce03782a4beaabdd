import random
from datetime import date, timedelta

import pytest

from indigo.cases.lifecycle import TRANSITIONS
from indigo.cases.models import Status
from indigo.demo.journeys import COVERAGE, JOURNEYS, PRODUCT_WEIGHTS, WINDOW_DAYS, Planner

TODAY = date(2026, 6, 15)
PRODUCTS = sorted(PRODUCT_WEIGHTS)
NO_EXTENSION = {"study", "exchange"}


def planner(seed=7, **kwargs):
    kwargs.setdefault("extendable", set(PRODUCTS) - NO_EXTENSION)
    return Planner(random.Random(seed), today=TODAY, **kwargs)


def walk(plan) -> Status:
    """The status the lifecycle table gives after the plan's steps."""
    status, suspended_from = Status.RECEIVED, None
    for step in plan.steps:
        transition = TRANSITIONS[step.action]
        assert status in transition.sources, (plan.journey, step.action, status)
        if step.action == "suspend":
            suspended_from = status
        if step.action == "resume":
            status = suspended_from
        elif transition.target is not None:
            status = transition.target
    return status


@pytest.mark.parametrize("journey", sorted(JOURNEYS))
@pytest.mark.parametrize("product", PRODUCTS)
def test_every_journey_follows_the_lifecycle_to_its_phase(journey, product):
    plan = planner().plan(product, JOURNEYS[journey])

    assert walk(plan) == JOURNEYS[journey].status == plan.status


def test_plans_move_forward_and_stay_within_the_last_fourteen_months():
    for plan in planner().plans(500, products=PRODUCTS):
        dates = [plan.received_on, *(step.on for step in plan.steps)]

        assert dates == sorted(dates)
        assert TODAY - timedelta(days=WINDOW_DAYS) <= plan.received_on
        assert dates[-1] <= TODAY
        for step in plan.steps:
            if step.until is not None:
                assert step.until > step.on


def test_the_first_plans_cover_every_product_and_every_phase():
    plans = list(planner().plans(len(COVERAGE), products=PRODUCTS))

    assert {plan.product_code for plan in plans} == set(PRODUCTS)
    assert {plan.status for plan in plans} == set(Status)
    assert any(step.action == "extend" for plan in plans for step in plan.steps)


def test_the_same_seed_gives_the_same_plans_and_another_seed_does_not():
    first = list(planner(seed=3).plans(60, products=PRODUCTS))

    assert list(planner(seed=3).plans(60, products=PRODUCTS)) == first
    assert list(planner(seed=4).plans(60, products=PRODUCTS)) != first


def test_a_product_without_an_extension_in_law_is_never_extended():
    plans = planner().plans(400, products=PRODUCTS)

    extended = {p.product_code for p in plans if any(s.action == "extend" for s in p.steps)}

    assert extended and not extended & NO_EXTENSION


def test_no_receipt_falls_before_the_product_has_a_version_in_force():
    start = TODAY - timedelta(days=100)
    plans = planner(earliest={"asylum": start}).plans(300, products=["asylum"])

    assert min(plan.received_on for plan in plans) >= start


def test_the_product_mix_favours_study_skilled_migrants_family_asylum_and_naturalisation():
    plans = list(planner().plans(2000, products=PRODUCTS))
    share = {p: sum(plan.product_code == p for plan in plans) / len(plans) for p in PRODUCTS}

    for big in ("study", "highly-skilled-migrant", "family-partner", "asylum", "naturalisation"):
        assert share[big] > share["au-pair"]
        assert share[big] > 0.08
