"""Penalties for late decisions where work is steered: the owner's warnings and the
managers' exposure per unit and product (R8). The figures come from
`indigo.penalties.selectors`; this module only narrows them to a person or a unit."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from indigo.cases.models import Application
from indigo.organisation.models import Unit
from indigo.penalties.calculator import ZERO
from indigo.penalties.selectors import Exposure, penalty_exposure, penalty_warnings
from indigo.work.models import HANDLE, Task


def owner_warnings(*, user, on: date):
    """The owner's applications on which a penalty can start or is running."""
    owned = Application.objects.filter(
        tasks__code=HANDLE, tasks__state=Task.State.OPEN, tasks__assignee=user
    )
    return penalty_warnings(on=on, applications=owned)


def unit_warnings(*, unit: Unit, on: date):
    return penalty_warnings(
        on=on, applications=Application.objects.filter(product__process__in=unit.processes)
    )


@dataclass(frozen=True)
class UnitExposure:
    unit: Unit
    notices: int
    accrued: Decimal
    at_stake: Decimal


def exposure_per_unit(*, units, on: date) -> tuple[list[UnitExposure], dict[str, Exposure]]:
    """Each unit's exposure (the processes it handles; shared processes count fully in
    every unit that handles them) and the exposure per product."""
    figures = penalty_exposure(on=on)
    per_process = figures["processes"]
    rows = []
    for unit in units:
        parts = [per_process[p] for p in unit.processes if p in per_process]
        rows.append(
            UnitExposure(
                unit=unit,
                notices=sum(p.notices for p in parts),
                accrued=sum((p.accrued for p in parts), ZERO),
                at_stake=sum((p.at_stake for p in parts), ZERO),
            )
        )
    return rows, figures["products"]
