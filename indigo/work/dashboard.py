"""Managers' screens per unit and queue: stock, timeliness, output and capacity (R7, R17).

Thin views over `indigo.work.capacity` (the figures) and
`indigo.organisation.services.membership_lend` (flexible deployment). Every chart
duplicates a table on the same page; the tables are what counts.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format, number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from indigo import clock
from indigo.accounts.roles import Role, has_role
from indigo.charts import bar_chart_svg
from indigo.errors import DomainError
from indigo.organisation.decorators import may_required
from indigo.organisation.models import Unit
from indigo.organisation.permissions import Action
from indigo.organisation.services import membership_lend
from indigo.work import capacity
from indigo.work.labels import queue_label
from indigo.work.penalties import exposure_per_unit, unit_warnings


class LendForm(forms.Form):
    user = forms.ModelChoiceField(
        label=gettext_lazy("Employee"),
        queryset=None,
        empty_label=gettext_lazy("Choose an employee"),
        help_text=gettext_lazy("Caseworkers and specialists who are not yet a member."),
    )
    valid_from = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_to = forms.DateField(
        label=gettext_lazy("Up to and including"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("For example the intake or backlog the lending should absorb."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = _candidate_label


def _candidate_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    units = ", ".join(m.unit.name for m in getattr(user, "current_memberships", []))
    return f"{name} ({units})" if units else name


def _queue_label(queue: str) -> str:
    return queue_label(queue)


def _weeks_text(weeks: float | None, figures: capacity.UnitCapacity) -> str:
    if weeks is not None:
        return number_format(weeks, 1)
    return _("no output yet") if figures.throughput is None else _("no members doing queue work")


@may_required(Action.UNITS_VIEW)
def units(request):
    today = clock.today()
    rows = capacity.units_overview(on=today)
    exposure, per_product = exposure_per_unit(units=[row.unit for row in rows], on=today)
    return render(
        request,
        "work/unit_list.html",
        {
            "rows": [(row, [_queue_label(q) for q in row.queues]) for row in rows],
            "exposure": exposure,
            "product_exposure": sorted(per_product.items()),
            "nav": "units",
        },
    )


@may_required(Action.UNITS_VIEW)
def unit_detail(request, code: str):
    unit = _unit(code)
    today = clock.today()
    form = LendForm(
        candidates=capacity.lend_candidates(unit=unit, on=today), initial={"valid_from": today}
    )
    return _render_unit(request, unit, form)


@may_required(Action.UNITS_LEND)
@require_POST
def unit_lend(request, code: str):
    unit = _unit(code)
    today = clock.today()
    form = LendForm(request.POST, candidates=capacity.lend_candidates(unit=unit, on=today))
    if form.is_valid():
        before = capacity.unit_capacity(unit=unit, on=today, what_if=(1,))
        try:
            membership = membership_lend(actor=request.user, unit=unit, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "%(name)s is lent to %(unit)s from %(from)s up to and including %(to)s. "
                    "Weeks to clear the stock: %(before)s → %(after)s."
                )
                % {
                    "name": membership.user.get_full_name() or membership.user.get_username(),
                    "unit": unit.name,
                    "from": date_format(membership.valid_from, "j M Y"),
                    "to": date_format(membership.valid_to, "j M Y"),
                    "before": _weeks_text(before.weeks_to_clear, before),
                    "after": _weeks_text(before.what_if[0].weeks_to_clear, before),
                },
            )
            return redirect("work:unit", code=unit.code)
    return _render_unit(request, unit, form, status=400)


def _unit(code: str) -> Unit:
    return get_object_or_404(Unit.objects.select_related("location"), code=code)


def _render_unit(request, unit: Unit, form: LendForm, *, status: int = 200):
    figures = capacity.unit_capacity(unit=unit, on=clock.today())
    return render(
        request,
        "work/unit_detail.html",
        {
            "unit": unit,
            "figures": figures,
            "queues": [(q, _queue_label(q)) for q in figures.queues],
            "charts": _charts(figures),
            "form": form,
            "penalty_warnings": unit_warnings(unit=unit, on=clock.today()),
            "may_lend": has_role(request.user, Role.MANAGER),
            "nav": "units",
        },
        status=status,
    )


def _charts(figures: capacity.UnitCapacity) -> dict[str, str]:
    """Inline SVGs; safe because charts.py escapes all text it writes into the XML."""
    stock = figures.stock
    deadline_labels = [str(bucket.label) for bucket, _count in stock.by_deadline]
    return {
        "age": mark_safe(
            bar_chart_svg(
                title=_("Open work by age (days since the application was received)"),
                labels=[str(bucket.label) for bucket, _count in stock.by_age],
                values=[count for _bucket, count in stock.by_age],
                ylabel=_("Open tasks"),
            )
        ),
        "deadline": mark_safe(
            bar_chart_svg(
                title=_("Open work by days left to the legal deadline"),
                labels=deadline_labels,
                values=[count for _bucket, count in stock.by_deadline],
                ylabel=_("Open tasks"),
                emphasis={i for i, (b, _c) in enumerate(stock.by_deadline) if b.key == "passed"},
            )
        ),
        "output": mark_safe(
            bar_chart_svg(
                title=_("Tasks completed per week"),
                labels=[_("Wk %(week)d") % {"week": week.iso_week} for week in figures.output],
                values=[week.completed for week in figures.output],
                ylabel=_("Completed tasks"),
            )
        ),
    }
