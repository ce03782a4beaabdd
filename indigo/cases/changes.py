"""The lifecycle's changes to the application itself (see `indigo.cases.lifecycle`).

Registered in `CasesConfig.ready()`. Each changes the locked application before its
status does and returns what the step's event records.
"""

from django.utils.translation import gettext as _

from indigo import limits
from indigo.cases import steps
from indigo.cases.deadline import objection_period_end
from indigo.cases.models import Suspension
from indigo.errors import Conflict, InvalidInput, day


@steps.change("cases.start-suspension")
def start_suspension(step: steps.Step) -> dict:
    app, until = step.application, step.options.get("until")
    kind = step.options.get("suspension_kind", Suspension.Kind.REPAIR)
    if until is not None:
        limits.date_check(until, field="until", today=step.on)
    if until is not None and until <= step.on:
        raise InvalidInput(
            _("The end of the repair period (until) must be after the suspension starts."),
            field="until",
        )
    if kind not in Suspension.Kind.values:
        raise InvalidInput(
            _("Unknown suspension kind '%(kind)s'. Choose one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(Suspension.Kind.values)},
            field="kind",
        )
    app.resume_status = app.status
    Suspension.objects.create(
        application=app, kind=kind, start=step.on, planned_end=until, reason=step.reason
    )
    return {"kind": kind, "until": until.isoformat() if until else None}


@steps.change("cases.end-suspension")
def end_suspension(step: steps.Step) -> dict:
    suspension = step.application.suspensions.get(end__isnull=True)
    suspension.end = step.on
    suspension.save(update_fields=["end"])
    return {"suspended_days": (step.on - suspension.start).days}


@steps.change("cases.record-extension")
def record_extension(step: steps.Step) -> dict:
    app = step.application
    extension = app.product_version.extension
    if extension is None:
        raise Conflict(
            _("The law gives no extension of the decision period for this product."),
            code="no-extension",
        )
    if app.is_extended:
        raise Conflict(
            _("The decision period was already extended on %(date)s; it can be extended only once.")
            % {"date": day(app.extended_on)},
            code="already-extended",
        )
    app.extended_on = step.on
    app.extension_reason = step.reason
    return {"extension": str(extension)}


@steps.change("cases.record-notification")
def record_notification(step: steps.Step) -> None:
    step.application.notified_on = step.on


@steps.change("cases.open-objection-period")
def open_objection_period(step: steps.Step) -> dict:
    app = step.application
    period_end = objection_period_end(app, notified_on=app.notified_on)
    app.objection_period_ends = period_end
    return {"objection_period_ends": period_end.isoformat(), "late": step.on > period_end}
