"""Dashboards for managers (their units), the directorate (everything) and the chain.

Thin: parse the filters (`selectors.measure_query_parse`), compute the measures,
draw each chart beside the table with the same numbers, export CSV, print a month.
"""

import csv
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from indigo.accounts.decorators import staff_required
from indigo.catalog.models import Channel, CustomerGroup, Product
from indigo.charts import bar_chart_svg, line_chart_svg, stacked_bar_chart_svg
from indigo.errors import InvalidInput
from indigo.organisation.models import Unit
from indigo.quality import distributions, report
from indigo.quality.access import units_visible_to
from indigo.quality.measures.base import GROUP_BY, GROUP_LABELS, MeasureQuery
from indigo.quality.selectors import measure_query_parse, measures_answer

TREND = ("intake", "output", "stock")
# The seed's three goals, side by side (indigo.quality.measures.satisfaction).
GOALS = (
    ("customer", ("customer_satisfaction", "customer_surveys_answered")),
    ("employee", ("employee_satisfaction", "employee_pulses_answered")),
    (
        "principal",
        ("on_time_share", "within_norm_share", "decisions_per_staff_week", "penalties_paid_eur"),
    ),
)


def _scope(request) -> tuple[str, ...] | None:
    units = units_visible_to(request.user)
    if units == ():
        raise PermissionDenied
    return units


def _choices(units: tuple[str, ...] | None) -> dict:
    unit_qs = Unit.objects.order_by("code")
    if units is not None:
        unit_qs = unit_qs.filter(code__in=units)
    return {
        "products": list(Product.objects.order_by("code").values_list("code", "name_en")),
        "units": list(unit_qs.values_list("code", "name_en")),
        "customer_groups": sorted(set(CustomerGroup.objects.values_list("code", flat=True))),
        "channels": Channel.choices,
        "group_bys": [(g, GROUP_LABELS[g]) for g in GROUP_BY],
    }


def _parse(request, units, *, status_holder: dict) -> MeasureQuery | None:
    try:
        return measure_query_parse(request.GET, units_allowed=units)
    except InvalidInput as exc:
        status_holder["error"] = exc
        return None


def _rows(answer: dict, *, only: tuple[str, ...] | None = None) -> list[dict]:
    totals = answer["groups"].get("", {})
    return [
        {"key": key, "value": totals.get(key), **definition}
        for key, definition in answer["definitions"].items()
        if only is None or key in only
    ]


@staff_required
def dashboard(request):
    units = _scope(request)
    holder: dict = {}
    query = _parse(request, units, status_holder=holder)
    context = {
        "nav": "quality",
        "params": request.GET,
        "choices": _choices(units),
        "scope_all": units is None,
        "scope_units": units,
        "error": None,
        "query": query,
        "dates": {
            "from": query.date_from.isoformat() if query else request.GET.get("from", ""),
            "to": query.date_to.isoformat() if query else request.GET.get("to", ""),
        },
    }
    if query is None:
        context["error"] = holder["error"]
        return render(request, "quality/dashboard.html", context, status=400)
    answer = measures_answer(query)
    weekly = measures_answer(
        _with(query, group_by="week"),
        refresh=False,
        only={"intake", "output", "stock", "on_time_share", "within_norm_share"},
    )
    weeks = list(weekly["groups"].items())
    throughput = distributions.throughput_distribution(query)
    stock_age = distributions.stock_by_age(query)
    context |= {
        "query": query,
        "rows": _rows(answer),
        "goals": [(goal, [r for r in _rows(answer) if r["key"] in keys]) for goal, keys in GOALS],
        "weeks": [(label, values) for label, values in weeks],
        "throughput": throughput,
        "stock_age": stock_age,
        "age_bands": distributions.AGE_BANDS,
        "charts": _charts(weeks, throughput, stock_age),
        "csv_query": request.GET.urlencode(),
    }
    return render(request, "quality/dashboard.html", context)


def _with(query: MeasureQuery, **changes) -> MeasureQuery:
    from dataclasses import replace

    return replace(query, **changes)


def _charts(weeks, throughput, stock_age) -> dict[str, str]:
    labels = [label.split("-")[1] for label, _v in weeks]
    return {
        "trend": mark_safe(
            line_chart_svg(
                title=_("Intake, output and stock per week"),
                labels=labels,
                series=[
                    (_("Intake"), [v["intake"] for _l, v in weeks]),
                    (_("Output"), [v["output"] for _l, v in weeks]),
                    (_("Stock"), [v["stock"] for _l, v in weeks]),
                ],
                ylabel=_("Applications"),
            )
        ),
        "on_time": mark_safe(
            line_chart_svg(
                title=_("Share decided within the legal period, per week"),
                labels=labels,
                series=[
                    (
                        _("Within the legal period"),
                        [_pct(v["on_time_share"]) for _l, v in weeks],
                    ),
                    (
                        _("Within the service norm"),
                        [_pct(v["within_norm_share"]) for _l, v in weeks],
                    ),
                ],
                # xgettext:no-python-format
                ylabel=_("% of decisions"),
            )
        ),
        "throughput": mark_safe(
            bar_chart_svg(
                title=_("Decisions by throughput time"),
                labels=[str(band.label) for band, _n in throughput],
                values=[n for _band, n in throughput],
                ylabel=_("Decisions"),
            )
        ),
        "stock_age": mark_safe(
            stacked_bar_chart_svg(
                title=_("Stock by age, per product"),
                labels=list(stock_age),
                series=[
                    (str(band.label), [counts[i] for counts in stock_age.values()])
                    for i, band in enumerate(distributions.AGE_BANDS)
                ],
                ylabel=_("Applications"),
            )
        ),
    }


def _pct(value):
    return None if value is None else round(100 * value, 1)


@staff_required
def dashboard_csv(request):
    """The measures per group (default: per week) as CSV, one column per measure."""
    units = _scope(request)
    params = request.GET.copy()
    params.setdefault("group_by", "week")
    query = measure_query_parse(params, units_allowed=units)
    answer = measures_answer(query)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="measures-{query.date_from}-{query.date_to}-{query.group_by}.csv"'
    )
    keys = list(answer["definitions"])
    writer = csv.writer(response)
    writer.writerow([query.group_by, *keys])
    for group, values in answer["groups"].items():
        writer.writerow([group, *("" if values[k] is None else values[k] for k in keys)])
    return response


@staff_required
def chain(request):
    """The chain: partners' input and waiting times, by partner (all units)."""
    units = _scope(request)
    params = request.GET.copy()
    params["group_by"] = "municipality"
    holder: dict = {}
    query = _parse(_Params(request, params), units, status_holder=holder)
    if query is None:
        return render(
            request, "quality/chain.html", {"error": holder["error"], "nav": "quality"}, status=400
        )
    answer = measures_answer(query)
    chain_keys = tuple(k for k in answer["definitions"] if _is_chain(k))
    municipalities = [
        (name, values)
        for name, values in answer["groups"].items()
        if values.get("advice_forms_delivered")
    ]
    chart = mark_safe(
        bar_chart_svg(
            title=_("Advice forms complete at first delivery, per municipality"),
            labels=[name for name, _v in municipalities],
            values=[_pct(v["advice_form_complete_share"]) or 0 for _n, v in municipalities],
            # xgettext:no-python-format
            ylabel=_("% complete"),
        )
    )
    return render(
        request,
        "quality/chain.html",
        {
            "nav": "quality",
            "query": query,
            "params": request.GET,
            "municipalities": municipalities,
            "definitions": {k: answer["definitions"][k] for k in chain_keys},
            "chart": chart,
        },
    )


class _Params:
    """A request stand-in whose GET is the given parameters."""

    def __init__(self, request, params):
        self.GET = params
        self.user = request.user


def _is_chain(key: str) -> bool:
    return key.startswith(("advice_form", "partner_"))


@staff_required
def monthly_report(request, year: int, month: int):
    units = _scope(request)
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    first = date(year, month, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    query = MeasureQuery(date_from=first, date_to=last, units_allowed=units)
    pdf = report.monthly_report_pdf(query)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="indigo-report-{year}-{month:02d}.pdf"'
    return response


@staff_required
def pulse(request):
    """The weekly staff pulse: one question, once a week, shown only in aggregate."""
    from indigo.errors import Conflict, DomainError
    from indigo.quality.models import StaffPulse
    from indigo.quality.satisfaction import pulse_answer, pulse_week

    done = StaffPulse.objects.filter(user=request.user, week=pulse_week()).exists()
    context = {"nav": "quality", "done": done, "error": None, "thanks": False}
    status = 200
    if request.method == "POST":
        try:
            pulse_answer(
                actor=request.user,
                score=request.POST.get("score"),
                comment=request.POST.get("comment", ""),
            )
        except Conflict as exc:
            context |= {"done": True, "error": exc}
            status = 409
        except DomainError as exc:
            context["error"] = exc
            status = 400
        else:
            context |= {"done": True, "thanks": True}
    return render(request, "quality/pulse.html", context, status=status)
