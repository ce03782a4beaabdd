"""State changes of applications: every write goes through these functions.

Each runs in one transaction: validate, change, recompute the deadline, write the
event. A refused action changes nothing.
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indigo import clock
from indigo.accounts.roles import is_staff_member, roles_of
from indigo.cases import validators
from indigo.cases.deadline import compute_decision_due
from indigo.cases.effective_dates import effective_on_for
from indigo.cases.events import event_record
from indigo.cases.lifecycle import TRANSITIONS, Transition, actions_from
from indigo.cases.models import Applicant, Application, Status, Suspension
from indigo.cases.references import new_reference
from indigo.catalog.models import CustomerGroup, Product
from indigo.catalog.selectors import NoVersionInForce, version_in_force
from indigo.deadlines.periods import add_period
from indigo.deadlines.termijnenwet import apply_atw
from indigo.decisions import hooks as decisions
from indigo.errors import Conflict, DomainError, InvalidInput, NotAllowed, day
from indigo.work import services as work


class UnknownAction(DomainError):
    status = 404
    title = gettext_lazy("Unknown action.")


@dataclass(frozen=True)
class ApplicantData:
    given_names: str
    surname: str
    date_of_birth: date
    nationality: str
    v_number: str = ""


def _receipt_date(*, actor, received_on: date | None, today: date) -> date:
    if received_on is None:
        return today
    if not is_staff_member(actor):
        raise InvalidInput(
            _("Only staff can record an earlier receipt date; leave received_on out."),
            field="received_on",
        )
    if received_on > today:
        raise InvalidInput(
            _("The receipt date cannot be in the future (today is %(today)s).")
            % {"today": day(today)},
            field="received_on",
        )
    return received_on


def _applicant_for(*, actor, data: ApplicantData, today: date) -> Applicant:
    try:
        given_names = validators.validate_name(data.given_names, field="given_names")
        surname = validators.validate_name(data.surname, field="surname")
        dob = validators.validate_date_of_birth(data.date_of_birth, today=today)
        nationality = validators.validate_nationality(data.nationality)
        v_number = validators.validate_v_number(data.v_number)
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field=f"applicant.{exc.field}") from exc
    if v_number:
        known = Applicant.objects.filter(v_number=v_number).first()
        if known is not None:
            if known.date_of_birth != dob:
                raise InvalidInput(
                    _(
                        "This V-number belongs to a person with another date of birth. "
                        "Check the V-number and the date of birth."
                    ),
                    field="applicant.v_number",
                )
            return known
    user = actor if not is_staff_member(actor) and actor.is_authenticated else None
    return Applicant.objects.create(
        given_names=given_names,
        surname=surname,
        date_of_birth=dob,
        nationality=nationality,
        v_number=v_number,
        user=user,
    )


def application_create(
    *,
    actor,
    product_code: str,
    applicant: ApplicantData,
    received_on: date | None = None,
    customer_group_code: str | None = None,
) -> Application:
    """Register a received application, pinned to the product version in force then."""
    today = clock.today()
    product = Product.objects.filter(code=product_code).first()
    if product is None:
        known = ", ".join(Product.objects.order_by("code").values_list("code", flat=True))
        raise InvalidInput(
            _("There is no product '%(product)s'. Choose one of: %(known)s.")
            % {"product": product_code, "known": known},
            field="product",
        )
    received = _receipt_date(actor=actor, received_on=received_on, today=today)
    try:
        version = version_in_force(product=product, on=received)
    except NoVersionInForce as exc:
        raise InvalidInput(str(exc), field="received_on") from exc
    group = None
    if customer_group_code:
        group = CustomerGroup.objects.filter(version=version, code=customer_group_code).first()
        if group is None:
            codes = ", ".join(version.customer_groups.values_list("code", flat=True))
            raise InvalidInput(
                _(
                    "Product '%(product)s' has no customer group '%(group)s'. "
                    "Choose one of: %(codes)s."
                )
                % {"product": product.code, "group": customer_group_code, "codes": codes},
                field="customer_group",
            )
    with transaction.atomic():
        person = _applicant_for(actor=actor, data=applicant, today=today)
        application = Application(
            product=product,
            product_version=version,
            customer_group=group,
            applicant=person,
            received_on=received,
            status=Status.RECEIVED,
            created_by=actor if actor.is_authenticated else None,
        )
        application.decision_due = compute_decision_due(application, today=today)
        _save_with_new_reference(application, year=received.year)
        event_record(
            application=application,
            actor=actor,
            action="receive",
            effective_on=received,
            to_status=Status.RECEIVED,
            payload={
                "product": product.code,
                "product_version_valid_from": version.valid_from.isoformat(),
                "customer_group": group.code if group else None,
                "decision_due": application.decision_due.isoformat(),
            },
        )
        work.after_transition(
            application=application,
            action="receive",
            actor=actor,
            to_status=Status.RECEIVED,
            on=received,
        )
    return application


def _save_with_new_reference(application: Application, *, year: int, attempts: int = 5) -> None:
    for attempt in range(attempts):
        application.reference = new_reference(year)
        try:
            with transaction.atomic():
                application.save()
            return
        except IntegrityError:
            if attempt == attempts - 1:
                raise


def _check_allowed(
    transition: Transition, *, application: Application, actor, reason: str, trusted: bool
):
    label = str(transition.label)
    if application.status not in transition.sources:
        status = Status(application.status)
        possible = ", ".join(str(t.label) for t in actions_from(status))
        if possible:
            message = _(
                "“%(action)s” is not possible while the application is in the status "
                "“%(status)s”. Possible now: %(possible)s."
            ) % {"action": label, "status": status.label, "possible": possible}
        else:
            message = _(
                "“%(action)s” is not possible while the application is in the status "
                "“%(status)s”. No step is possible now."
            ) % {"action": label, "status": status.label}
        raise Conflict(message, code="transition-not-allowed")
    if not trusted and not roles_of(actor) & transition.roles:
        raise NotAllowed(_("Your role does not allow “%(action)s”.") % {"action": label})
    if transition.reason_required and not reason.strip():
        raise InvalidInput(
            _("Give a reason for “%(action)s”.") % {"action": label},
            field="reason",
        )


def application_act(
    *,
    actor,
    application: Application,
    action: str,
    reason: str = "",
    on: date | None = None,
    until: date | None = None,
    suspension_kind: str = Suspension.Kind.REPAIR,
    trusted: bool = False,
) -> Application:
    """Perform one lifecycle action (see `indigo.cases.lifecycle`).

    `trusted` is for other services that have already decided the step may happen
    (an applicant's answer resumes the period; the daily sweep ends a repair period):
    it skips the role check and allows `on` without a staff actor.
    """
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise UnknownAction(
            _("There is no action '%(action)s'. Choose one of: %(actions)s.")
            % {"action": action, "actions": ", ".join(sorted(TRANSITIONS))},
            field="action",
        )
    today = clock.today()
    with transaction.atomic():
        app = (
            Application.objects.select_for_update()
            .select_related("product_version")
            .get(pk=application.pk)
        )
        _check_allowed(transition, application=app, actor=actor, reason=reason, trusted=trusted)
        effective = effective_on_for(
            actor=actor, on=on, application=app, today=today, trusted=trusted
        )
        work.before_transition(application=app, action=action, actor=actor)
        decisions.before_transition(application=app, action=action, actor=actor)
        from_status = app.status
        target = transition.target
        payload = _apply(
            action, app=app, effective=effective, reason=reason, until=until, kind=suspension_kind
        )
        if action == "resume":
            target = Status(app.resume_status)
            app.resume_status = ""
        if target is not None:
            app.status = target
        app.decision_due = compute_decision_due(app, today=today)
        app.save()
        event_record(
            application=app,
            actor=actor,
            action=action,
            effective_on=effective,
            from_status=from_status,
            to_status=app.status,
            reason=reason.strip(),
            payload={**payload, "decision_due": app.decision_due.isoformat()},
        )
        work.after_transition(
            application=app, action=action, actor=actor, to_status=app.status, on=effective
        )
        decisions.after_transition(
            application=app, action=action, actor=actor, to_status=app.status, on=effective
        )
    return app


def _apply(action: str, *, app: Application, effective: date, reason: str, until, kind) -> dict:
    """Side effects of an action besides the status change; returns event payload."""
    if action == "suspend":
        if until is not None and until <= effective:
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
            application=app, kind=kind, start=effective, planned_end=until, reason=reason.strip()
        )
        return {"kind": kind, "until": until.isoformat() if until else None}
    if action == "resume":
        suspension = app.suspensions.get(end__isnull=True)
        suspension.end = effective
        suspension.save(update_fields=["end"])
        return {"suspended_days": (effective - suspension.start).days}
    if action == "extend":
        extension = app.product_version.extension
        if extension is None:
            raise Conflict(
                _("The law gives no extension of the decision period for this product."),
                code="no-extension",
            )
        if app.is_extended:
            raise Conflict(
                _(
                    "The decision period was already extended on %(date)s; "
                    "it can be extended only once."
                )
                % {"date": day(app.extended_on)},
                code="already-extended",
            )
        app.extended_on = effective
        app.extension_reason = reason.strip()
        return {"extension": str(extension)}
    if action == "notify":
        app.notified_on = effective
        return {}
    if action == "lodge-objection":
        # Vw 2000 art. 69(1): four weeks from the day after notification (Awb 6:8).
        raw_end = add_period(app.notified_on, app.product_version.objection_period)
        period_end = apply_atw(app.notified_on, raw_end)
        app.objection_period_ends = period_end
        return {"objection_period_ends": period_end.isoformat(), "late": effective > period_end}
    return {}


def deadlines_refresh(*, batch_size: int = 500, progress=None) -> int:
    """Recompute the stored decision_due of suspended applications.

    An open suspension keeps pushing the deadline back day by day, so the stored
    column (used for lists and filters) is refreshed by a daily sweep. Idempotent:
    running it twice on one day changes nothing the second time. Returns how many
    applications got a new due date.
    """
    today = clock.today()
    ids = list(
        Application.objects.filter(status=Status.SUSPENDED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    changed = 0
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            batch = (
                Application.objects.select_for_update()
                .select_related("product_version")
                .prefetch_related("suspensions")
                .filter(pk__in=ids[start : start + batch_size])
            )
            for application in batch:
                due = compute_decision_due(application, today=today)
                if due != application.decision_due:
                    application.decision_due = due
                    application.save(update_fields=["decision_due", "updated_at"])
                    work.urgency_refresh(application=application)
                    changed += 1
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return changed
