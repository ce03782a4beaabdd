"""State changes of applications: every write goes through these functions.

Each runs in one transaction: validate, change, recompute the deadline, write the
event. A refused action changes nothing.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indigo import clock, limits
from indigo.accounts.roles import Role, has_role, is_staff_member
from indigo.cases import steps, validators
from indigo.cases.deadline import compute_decision_due
from indigo.cases.effective_dates import effective_on_for
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.filing import filing_check
from indigo.cases.lifecycle import RECEIVE, TRANSITIONS, Transition, actions_from
from indigo.cases.models import Applicant, Application, Status, Suspension
from indigo.cases.references import new_reference
from indigo.catalog.models import Product
from indigo.catalog.selectors import NoVersionInForce, version_in_force
from indigo.errors import Conflict, DomainError, InvalidInput, NotAllowed, day
from indigo.organisation.permissions import may

# Who registers what came in by post or at the desk, and so may give its receipt date.
PAPER_ROLES = (Role.ADMIN, Role.CASEWORKER, Role.DESK)

_STEP_ACTIONS = [action for action, t in TRANSITIONS.items() if t.sources]


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
    # The language in which the applicant wants to hear from us ("" : the default).
    language: str = ""


def _receipt_date(*, actor, received_on: date | None, today: date) -> date:
    if received_on is None:
        return today
    if not has_role(actor, *PAPER_ROLES):
        # Contact centre and specialists take no post in: they cannot back-date it.
        raise InvalidInput(
            _(
                "Only staff who register post can record an earlier receipt date; "
                "leave received_on out."
            ),
            field="received_on",
        )
    if received_on > today:
        raise InvalidInput(
            _("The receipt date cannot be in the future (today is %(today)s).")
            % {"today": day(today)},
            field="received_on",
        )
    return limits.date_check(received_on, field="received_on", today=today)


def _language(value: str) -> str:
    if not value:
        return settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    if value not in codes:
        raise InvalidInput(
            _("Choose a language for messages: %(codes)s.") % {"codes": ", ".join(codes)},
            field="applicant.language",
        )
    return value


def _same_identity(known: Applicant, *, given_names: str, surname: str, dob: date) -> bool:
    return (
        known.date_of_birth == dob
        and known.surname.casefold() == surname.casefold()
        and known.given_names.casefold() == given_names.casefold()
    )


def _applicant_for(*, data: ApplicantData, actor, account, person, today: date) -> Applicant:
    """The person the application is for.

    A new application joins an existing person only on a verified match, and the
    answer never tells whether a V-number is known: `person` is a match the calling
    door verified (a sponsor's own earlier authorisation); an applicant is matched
    through their login identity (a person already linked to their account); staff,
    who hold the documents, confirm by giving exactly the names and date of birth on
    record. Anything else becomes a new person record, which staff can join later.
    """
    if person is not None:
        return person
    try:
        given_names = validators.validate_name(data.given_names, field="given_names")
        surname = validators.validate_name(data.surname, field="surname")
        dob = validators.validate_date_of_birth(data.date_of_birth, today=today)
        nationality = validators.validate_nationality(data.nationality)
        v_number = validators.validate_v_number(data.v_number)
    except InvalidInput as exc:
        raise InvalidInput(exc.message, field=f"applicant.{exc.field}") from exc
    language = _language(data.language)
    if v_number and account is not None:
        own = Applicant.objects.filter(v_number=v_number, user=account).order_by("pk").first()
        if own is not None:
            return own
    elif v_number and is_staff_member(actor):
        known = list(Applicant.objects.select_for_update().filter(v_number=v_number))
        match = next(
            (
                k
                for k in known
                if _same_identity(k, given_names=given_names, surname=surname, dob=dob)
            ),
            None,
        )
        if match is not None:
            return match
        if known:
            # Staff may see every person (person search); they confirm the match.
            raise Conflict(
                _(
                    "This V-number is on record for a person with other names or another "
                    "date of birth. Check the documents and give the details exactly as "
                    "on record, or leave the V-number out."
                ),
                code="identity-mismatch",
            )
    return Applicant.objects.create(
        given_names=given_names,
        surname=surname,
        date_of_birth=dob,
        nationality=nationality,
        v_number=v_number,
        language=language,
        user=account,
    )


def application_create(
    *,
    actor,
    product_code: str,
    applicant: ApplicantData,
    channel: str,
    account=None,
    received_on: date | None = None,
    customer_group_code: str | None = None,
    fee_paid_eur: Decimal | None = None,
    person: Applicant | None = None,
    replayed: bool = False,
) -> Application:
    """Register a received application, pinned to the product version in force then.

    `channel` is how it reached us (catalog `Channel`); `account` is the applicant's own
    portal account to link to a new person (never the account of a sponsor or of staff
    filing for them). The filing rules (`indigo.cases.filing`) decide whether this door
    may file it, under which customer group, and whether the fee (`fee_paid_eur`) must
    be paid first. `person` is an existing person the calling door has verified;
    `replayed` records a filing that came through its door earlier (the demo).
    Takes the lifecycle's `receive` step.
    """
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
    filing = filing_check(
        actor=actor,
        version=version,
        channel=channel,
        customer_group_code=customer_group_code,
        account=account,
        fee_paid_eur=fee_paid_eur,
        replayed=replayed,
    )
    group = filing.customer_group
    with transaction.atomic():
        person = _applicant_for(
            data=applicant, actor=actor, account=account, person=person, today=today
        )
        application = Application(
            product=product,
            product_version=version,
            customer_group=group,
            applicant=person,
            received_on=received,
            channel=channel,
            status=Status.RECEIVED,
            created_by=actor if actor.is_authenticated else None,
        )
        application.decision_due = compute_decision_due(application, today=today)
        _save_with_new_reference(application, year=received.year)
        event_record(
            application=application,
            actor=actor,
            action=EventKind.RECEIVED,
            effective_on=received,
            to_status=Status.RECEIVED,
            payload={
                "product": product.code,
                "product_version_valid_from": version.valid_from.isoformat(),
                "customer_group": group.code if group else None,
                "channel": channel,
                "decision_due": application.decision_due.isoformat(),
            },
        )
        steps.run_effects(
            steps.Step(application=application, transition=RECEIVE, actor=actor, on=received)
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
    if not trusted and not may(actor, transition.permission, application=application):
        raise NotAllowed(_("Your role does not allow “%(action)s”.") % {"action": label})
    if transition.reason_required and not reason.strip():
        raise InvalidInput(
            _("Give a reason for “%(action)s”.") % {"action": label},
            field="reason",
        )


# Where the steps that are not generic are taken (see `Transition.via`).
VIA_PAGES = {
    "objections": "Objection; API: /api/v1/applications/{reference}/objections",
    "appeals": "Appeal; API: /api/v1/applications/{reference}/appeals",
}


def generic_step_check(action: str) -> None:
    """The screens' and the API's generic step: not for a step that has its own page.

    One rule whatever the door: an objection is registered with its objector and
    grounds, a court's judgment with its court (`Transition.via`), never as a bare
    status change.
    """
    transition = TRANSITIONS.get(action)
    if transition is not None and transition.via:
        raise Conflict(
            _(
                "“%(step)s” is recorded on its own page (%(where)s), with what belongs to "
                "it, not as a plain step."
            )
            % {"step": transition.label, "where": VIA_PAGES[transition.via]},
            code="use-its-own-page",
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
    """Take one lifecycle step (see `indigo.cases.lifecycle`): guards, changes, the new
    status and deadline, the event, then the effects — in one transaction.

    `trusted` is for other services that have already decided the step may happen
    (an applicant's answer resumes the period; the daily sweep ends a repair period):
    it skips the role check and allows `on` without a staff actor.
    """
    transition = TRANSITIONS.get(action)
    if transition is None or not transition.sources:
        raise UnknownAction(
            _("There is no action '%(action)s'. Choose one of: %(actions)s.")
            % {"action": action, "actions": ", ".join(sorted(_STEP_ACTIONS))},
            field="action",
        )
    today = clock.today()
    reason = limits.text_check(reason, field="reason")
    with transaction.atomic():
        app = (
            Application.objects.select_for_update()
            .select_related("product_version")
            .get(pk=application.pk)
        )
        _check_allowed(transition, application=app, actor=actor, reason=reason, trusted=trusted)
        step = steps.Step(
            application=app,
            transition=transition,
            actor=actor,
            on=effective_on_for(actor=actor, on=on, application=app, today=today, trusted=trusted),
            reason=reason.strip(),
            from_status=app.status,
            options={"until": until, "suspension_kind": suspension_kind},
        )
        steps.run_guards(step)
        payload = steps.run_changes(step)
        if action == "resume":
            app.status = Status(app.resume_status)
            app.resume_status = ""
        elif transition.target is not None:
            app.status = transition.target
        app.decision_due = compute_decision_due(app, today=today)
        app.save()
        event_record(
            application=app,
            actor=actor,
            action=transition.event_kind,
            effective_on=step.on,
            from_status=step.from_status,
            to_status=app.status,
            reason=step.reason,
            payload={**payload, "decision_due": app.decision_due.isoformat()},
        )
        steps.run_effects(step)
    return app


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
                    steps.deadline_moved(application)
                    changed += 1
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return changed
