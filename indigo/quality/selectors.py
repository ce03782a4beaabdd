"""Reads for quality measurement: parse a measure query, answer it."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from indigo import clock
from indigo.catalog.models import Channel, CustomerGroup, Product
from indigo.errors import InvalidInput
from indigo.organisation.models import Unit
from indigo.quality.facts import facts_refresh
from indigo.quality.measures.base import GROUP_BY, MeasureQuery
from indigo.quality.measures.registry import measure_definitions, measures_compute

MAX_DAYS = 3 * 366


def measure_query_parse(params, *, units_allowed: tuple[str, ...] | None = None) -> MeasureQuery:
    """A query from request parameters; InvalidInput naming the first wrong field.

    Without dates: the last 13 complete weeks up to today.
    """
    today = clock.today()
    date_to = _date(params, "to") or today
    date_from = _date(params, "from") or (date_to - timedelta(weeks=13) + timedelta(days=1))
    if date_from > date_to:
        raise InvalidInput(_("“from” must not be after “to”."), field="from")
    if (date_to - date_from).days > MAX_DAYS:
        raise InvalidInput(_("Ask for at most three years at a time."), field="from")
    values = {
        k: (params.get(k) or "").strip()
        for k in ("product", "unit", "customer_group", "channel", "group_by")
    }
    if values["product"] and not Product.objects.filter(code=values["product"]).exists():
        raise InvalidInput(
            _("There is no product “%(code)s”.") % {"code": values["product"]}, field="product"
        )
    if values["unit"]:
        if not Unit.objects.filter(code=values["unit"]).exists():
            raise InvalidInput(
                _("There is no unit “%(code)s”.") % {"code": values["unit"]}, field="unit"
            )
        if units_allowed is not None and values["unit"] not in units_allowed:
            raise InvalidInput(_("You can see the figures of your own units only."), field="unit")
    cg = values["customer_group"]
    if cg and not CustomerGroup.objects.filter(code=cg).exists():
        raise InvalidInput(
            _("There is no customer group “%(code)s”.") % {"code": cg}, field="customer_group"
        )
    if values["channel"] and values["channel"] not in Channel.values:
        raise InvalidInput(
            _("There is no channel “%(code)s”; choose one of %(choices)s.")
            % {"code": values["channel"], "choices": ", ".join(Channel.values)},
            field="channel",
        )
    if values["group_by"] and values["group_by"] not in GROUP_BY:
        raise InvalidInput(
            _("Group by one of %(choices)s.") % {"choices": ", ".join(GROUP_BY)},
            field="group_by",
        )
    return MeasureQuery(date_from=date_from, date_to=date_to, units_allowed=units_allowed, **values)


def _date(params, name: str) -> date | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": raw}, field=name
        ) from None


def measures_answer(
    query: MeasureQuery, *, refresh: bool = True, only: set[str] | None = None
) -> dict:
    """The measures with their definitions, ready for the API and the screens."""
    if refresh:
        facts_refresh()
    values = measures_compute(query, only=only)
    computed = set(next(iter(values.values()), {})) if values else set()
    definitions = {
        m.key: {"label": str(m.label), "definition": str(m.definition), "kind": m.kind}
        for m in measure_definitions()
        if only is None or m.key in computed
    }
    return {"query": query, "definitions": definitions, "groups": values}
