"""Scenarios as YAML: the base (forecast intake, staff, effort) and what-ifs on top.

    name: Next year
    weeks: 52
    start: 2027-01-04            # optional: the first Monday (penalty law by date)
    hours_per_week: 32           # productive hours per member of staff
    seed: 1
    intake:                      # forecast applications per week, per product:
      asylum: 700                #   one number for every week,
      study: [300, 320, 340]     #   or one per week (the last repeats)
    stock: {asylum: 20000}       # open applications at the start
    hours_per_application: {asylum: 30, study: 3}
    legal_period_days: {asylum: 183, study: 90}   # optional: from the catalog
    units:
      asylum-ter-apel: {staff: 900, products: [asylum]}
      regular-zwolle: {staff: 300, products: [study]}
    what_if:
      - name: 100 extra staff in Ter Apel from week 10
        changes:
          - {unit: asylum-ter-apel, add_staff: 100, from_week: 10}
      - name: Move 50 from Zwolle to Ter Apel
        changes:
          - {move_staff: 50, from_unit: regular-zwolle, to_unit: asylum-ter-apel}
      - name: Asylum surge of 50% in weeks 5 to 20
        changes:
          - {product: asylum, intake_factor: 1.5, from_week: 5, to_week: 20}

Every number must be there and not negative; `ScenarioError` names the first field
that is wrong (`units.asylum-ter-apel.staff`), so the screen and the command line can
say exactly what to fix.
"""

from dataclasses import dataclass
from datetime import date

import yaml
from django.utils.translation import gettext as _

from indigo import clock
from indigo.catalog.models import Product
from indigo.errors import InvalidInput
from indigo.planning.penalty import penalty_rule_on
from indigo.planning.simulation import Model

MAX_WEEKS = 520


class ScenarioError(InvalidInput):
    pass


@dataclass
class Scenario:
    name: str
    base: Model
    what_ifs: list[tuple[str, Model]]
    start: date | None


def _number(value, path: str, *, integer: bool = False, allow_zero: bool = True) -> float:
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(
            _("%(field)s is missing or not a number.") % {"field": path}, field=path
        )
    if value < 0 or (not allow_zero and value == 0):
        raise ScenarioError(
            _("%(field)s must not be negative (it is %(value)s).") % {"field": path, "value": value}
            if value < 0
            else _("%(field)s must be more than 0.") % {"field": path},
            field=path,
        )
    if integer and int(value) != value:
        raise ScenarioError(_("%(field)s must be a whole number.") % {"field": path}, field=path)
    return int(value) if integer else float(value)


def _mapping(data: dict, key: str, path: str = "", *, required: bool = True) -> dict:
    value = data.get(key)
    where = f"{path}{key}"
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or (required and not value):
        raise ScenarioError(
            _("%(field)s is missing: give it as a list of name: value lines.") % {"field": where},
            field=where,
        )
    return value


def scenario_parse(text: str, *, legal_days_default: dict[str, float] | None = None) -> Scenario:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError(
            _("The scenario is not valid YAML: %(error)s") % {"error": str(exc).splitlines()[0]},
            field="scenario",
        ) from None
    if not isinstance(data, dict):
        raise ScenarioError(_("The scenario must be a YAML mapping."), field="scenario")
    weeks = _number(data.get("weeks"), "weeks", integer=True, allow_zero=False)
    if weeks > MAX_WEEKS:
        raise ScenarioError(_("Simulate at most 520 weeks (ten years)."), field="weeks")
    hours_per_week = _number(data.get("hours_per_week"), "hours_per_week", allow_zero=False)
    seed = _number(data.get("seed", 1), "seed", integer=True)
    start = data.get("start")
    if start is not None and not isinstance(start, date):
        raise ScenarioError(_("start must be a date (YYYY-MM-DD)."), field="start")
    intake = {}
    for product, value in _mapping(data, "intake").items():
        path = f"intake.{product}"
        values = value if isinstance(value, list) else [value]
        if not values:
            raise ScenarioError(_("%(field)s is missing.") % {"field": path}, field=path)
        numbers = [_number(v, f"{path}[{i}]") for i, v in enumerate(values)]
        intake[str(product)] = (numbers + [numbers[-1]] * weeks)[:weeks]
    stock = {
        str(p): _number(v, f"stock.{p}", integer=True)
        for p, v in _mapping(data, "stock", required=False).items()
    }
    hours = {
        str(p): _number(v, f"hours_per_application.{p}", allow_zero=False)
        for p, v in _mapping(data, "hours_per_application").items()
    }
    legal = dict(legal_days_default or {})
    legal |= {
        str(p): _number(v, f"legal_period_days.{p}", allow_zero=False)
        for p, v in _mapping(data, "legal_period_days", required=False).items()
    }
    staff, routes = {}, {}
    for code, unit in _mapping(data, "units").items():
        path = f"units.{code}"
        if not isinstance(unit, dict):
            raise ScenarioError(
                _("%(field)s needs staff and products.") % {"field": path}, field=path
            )
        count = _number(unit.get("staff"), f"{path}.staff", integer=True)
        staff[str(code)] = [int(count)] * weeks
        products = unit.get("products")
        if not isinstance(products, list) or not products:
            raise ScenarioError(
                _("%(field)s.products is missing: which products does this unit decide?")
                % {"field": path},
                field=f"{path}.products",
            )
        for product in products:
            routes.setdefault(str(product), []).append(str(code))
    for product in set(intake) | set(stock):
        for need, table, name in (
            (hours, "hours_per_application", "hours"),
            (legal, "legal_period_days", "legal"),
            (routes, "units", "route"),
        ):
            if product not in need:
                path = f"{table}.{product}" if name != "route" else "units"
                raise ScenarioError(
                    _("%(field)s is missing: %(product)s has intake or stock.")
                    % {"field": path, "product": product},
                    field=path,
                )
    rule = penalty_rule_on(start or clock.today())
    exempt = frozenset(
        Product.objects.filter(process__in=rule.exempt_processes).values_list("code", flat=True)
    )
    base = Model(
        weeks=int(weeks),
        hours_per_week=hours_per_week,
        intake=intake,
        hours=hours,
        legal_days=legal,
        staff=staff,
        routes=routes,
        stock=stock,
        penalty=rule,
        penalty_exempt=exempt,
        seed=int(seed),
    )
    what_ifs = []
    for i, entry in enumerate(data.get("what_if") or []):
        path = f"what_if[{i}]"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise ScenarioError(
                _("%(field)s needs a name.") % {"field": path}, field=f"{path}.name"
            )
        what_ifs.append((str(entry["name"]), _apply(base, entry.get("changes") or [], path)))
    return Scenario(
        name=str(data.get("name") or _("Scenario")), base=base, what_ifs=what_ifs, start=start
    )


def _apply(base: Model, changes: list, path: str) -> Model:
    from copy import deepcopy

    model = deepcopy(base)
    for j, change in enumerate(changes):
        where = f"{path}.changes[{j}]"
        if not isinstance(change, dict):
            raise ScenarioError(_("%(field)s must be a mapping.") % {"field": where}, field=where)
        first = (
            int(
                _number(
                    change.get("from_week", 1), f"{where}.from_week", integer=True, allow_zero=False
                )
            )
            - 1
        )
        last = int(
            _number(
                change.get("to_week", model.weeks),
                f"{where}.to_week",
                integer=True,
                allow_zero=False,
            )
        )
        weeks = range(first, min(last, model.weeks))
        if "add_staff" in change:
            unit = _unit(model, change.get("unit"), f"{where}.unit")
            extra = int(_number(change["add_staff"], f"{where}.add_staff", integer=True))
            for w in weeks:
                model.staff[unit][w] += extra
        elif "move_staff" in change:
            source = _unit(model, change.get("from_unit"), f"{where}.from_unit")
            target = _unit(model, change.get("to_unit"), f"{where}.to_unit")
            moved = int(_number(change["move_staff"], f"{where}.move_staff", integer=True))
            for w in weeks:
                if model.staff[source][w] < moved:
                    raise ScenarioError(
                        _("%(field)s: %(unit)s has only %(n)s staff in week %(week)s.")
                        % {
                            "field": f"{where}.move_staff",
                            "unit": source,
                            "n": model.staff[source][w],
                            "week": w + 1,
                        },
                        field=f"{where}.move_staff",
                    )
                model.staff[source][w] -= moved
                model.staff[target][w] += moved
        elif "intake_factor" in change:
            product = change.get("product")
            if product not in model.intake:
                raise ScenarioError(
                    _("%(field)s: there is no intake of “%(product)s” to change.")
                    % {"field": f"{where}.product", "product": product},
                    field=f"{where}.product",
                )
            factor = _number(change["intake_factor"], f"{where}.intake_factor")
            for w in weeks:
                model.intake[product][w] *= factor
        else:
            raise ScenarioError(
                _("%(field)s: say add_staff, move_staff or intake_factor.") % {"field": where},
                field=where,
            )
    return model


def _unit(model: Model, code, path: str) -> str:
    if code not in model.staff:
        raise ScenarioError(
            _("%(field)s: there is no unit “%(unit)s” in this scenario.")
            % {"field": path, "unit": code},
            field=path,
        )
    return code
