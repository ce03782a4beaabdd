"""What a recognised sponsor does: apply, vouch, state facts, report changes (R11).

Every write checks that the actor works for the sponsor; applying and vouching also
need the sponsor to be recognised today for the product's category. Each runs in one
transaction and leaves events on the application; a refusal changes nothing.

Facts are recorded through `indigo.rules.services.fact_record` with source "sponsor":
it accepts a sponsor user's own statements on an application the user may see, which
the sponsor clause of `applications_visible_to` grants once the application is linked.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from indigo import clock
from indigo.cases.event_kinds import EventKind
from indigo.cases.events import event_record
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application, Status
from indigo.cases.services import ApplicantData, application_create
from indigo.catalog.models import Channel
from indigo.errors import Conflict, InvalidInput, NotAllowed, day
from indigo.rules.models import Fact
from indigo.rules.selectors import parameter_in_force
from indigo.rules.services import fact_record
from indigo.sponsors.application_input import (
    ApplicationInputInvalid,
    AuthorisationGiven,
    application_input_check,
    sponsor_may_act,
)
from indigo.sponsors.categories import (
    CHANGE_KIND_CATEGORIES,
    RECOGNISED_SPONSOR,
    RECOGNITION_FACT,
    ChangeKind,
    category_of,
    duty_parameter_for,
)
from indigo.sponsors.models import (
    ONCE_A_DAY,
    Authorisation,
    ChangeReport,
    Sponsor,
    SponsoredApplication,
    person_key,
)
from indigo.sponsors.selectors import is_vouched
from indigo.sponsors.statements import FieldError, statements_check

DETAILS_MAX = 2000


def _source_detail(sponsor: Sponsor) -> str:
    return f"{sponsor.name} (KvK {sponsor.kvk_number})"[:200]


def _state(*, actor, application: Application, sponsor: Sponsor, name: str, value) -> Fact:
    if isinstance(value, date):
        value = value.isoformat()
    return fact_record(
        actor=actor,
        application=application,
        name=name,
        value=value,
        source=Fact.Source.SPONSOR,
        source_detail=_source_detail(sponsor),
    )


def sponsor_apply(
    *,
    actor,
    sponsor: Sponsor,
    product_code: str,
    applicant_data: ApplicantData,
    facts: dict,
    vouch: bool,
    authorisation: AuthorisationGiven | None = None,
    open_products: list | None = None,
) -> Application:
    """Apply for one migrant who authorised the sponsor (customer group
    `recognised-sponsor`).

    `authorisation` records the migrant's authorisation in the same transaction; it
    may be left out when one is already on record for the migrant's V-number.
    `open_products` (`products_open_to` the sponsor today) may be passed when already
    known, as the bulk import does. Raises ApplicationInputInvalid with every problem,
    each at its field.
    """
    today = clock.today()
    sponsor_may_act(actor=actor, sponsor=sponsor, today=today)
    checked = application_input_check(
        sponsor=sponsor,
        product_code=product_code,
        applicant=applicant_data,
        facts=facts,
        authorisation=authorisation,
        today=today,
        open_products=open_products,
    )
    if checked.errors:
        raise ApplicationInputInvalid(checked.errors)
    try:
        with transaction.atomic():
            application = application_create(
                actor=actor,
                product_code=checked.product.code,
                applicant=checked.applicant,
                customer_group_code=RECOGNISED_SPONSOR,
                channel=Channel.SPONSOR_PORTAL,
                # The person this sponsor's own authorisation on record is for: the only
                # existing person a sponsor's filing may join.
                person=(
                    checked.existing_authorisation.applicant
                    if checked.existing_authorisation
                    else None
                ),
            )
            applicant = application.applicant
            given = checked.authorisation
            machtiging = checked.existing_authorisation or Authorisation.objects.create(
                applicant=applicant,
                sponsor=sponsor,
                product=checked.product,
                given_on=given.given_on,
                how=given.how,
                recorded_by=actor,
                recorded_at=clock.now(),
            )
            SponsoredApplication.objects.create(
                application=application,
                sponsor=sponsor,
                authorisation=machtiging,
                created_by=actor,
                created_at=clock.now(),
                product=checked.product,
                person_key=person_key(
                    given_names=checked.applicant.given_names,
                    surname=checked.applicant.surname,
                    date_of_birth=checked.applicant.date_of_birth,
                ),
                filed_on=today,
            )
            event_record(
                application=application,
                actor=actor,
                action=EventKind.SPONSOR_APPLIED,
                payload={
                    "sponsor_kvk_number": sponsor.kvk_number,
                    "authorisation": machtiging.pk,
                    "authorisation_given_on": machtiging.given_on.isoformat(),
                    "authorisation_how": machtiging.how,
                },
            )
            _state(
                actor=actor,
                application=application,
                sponsor=sponsor,
                name="sponsor_kvk_number",
                value=sponsor.kvk_number,
            )
            recognition = RECOGNITION_FACT.get(checked.category)
            if recognition:
                # From Indigo's own register of recognised sponsors, checked just now; the
                # sponsor-check task confirms it against the public register.
                fact_record(
                    actor=actor,
                    application=application,
                    name=recognition,
                    value=True,
                    source=Fact.Source.SPONSOR,
                    source_detail=(
                        f"{_source_detail(sponsor)}; recognised since "
                        f"{sponsor.recognised_since:%Y-%m-%d} (sponsor register)"
                    )[:200],
                )
            for name, value in checked.facts.items():
                _state(
                    actor=actor, application=application, sponsor=sponsor, name=name, value=value
                )
            if vouch:
                _state(
                    actor=actor,
                    application=application,
                    sponsor=sponsor,
                    name="sponsor_vouched",
                    value=True,
                )
        return application
    except IntegrityError as exc:
        if ONCE_A_DAY not in str(exc) and "person_key" not in str(exc):  # SQLite: columns
            raise
        # Another upload filed the same row a moment ago.
        raise ApplicationInputInvalid(
            [
                FieldError(
                    "product",
                    _("Your organisation already applied for this person and this product today."),
                    "already-applied",
                )
            ]
        ) from None


def _sponsorship(*, actor, application: Application) -> SponsoredApplication:
    sponsorship = (
        SponsoredApplication.objects.select_related("sponsor")
        .filter(application=application)
        .first()
    )
    if sponsorship is None:
        raise NotAllowed(_("A recognised sponsor did not file this application."))
    return sponsorship


def _running(application: Application, *, message: str) -> None:
    """`message` has a %(status)s placeholder for the application's status."""
    if application.status not in ACTIVE:
        raise Conflict(message % {"status": Status(application.status).label}, code="not-running")


def sponsor_vouch(*, actor, application: Application) -> Fact:
    """The sponsor declares that the migrant meets the conditions (garantstelling)."""
    sponsorship = _sponsorship(actor=actor, application=application)
    sponsor_may_act(actor=actor, sponsor=sponsorship.sponsor, today=clock.today())
    _running(
        application,
        message=_("Vouching is no longer possible: the application is in the status “%(status)s”."),
    )
    if is_vouched(application):
        raise Conflict(
            _("Your organisation already vouched for this applicant."), code="already-vouched"
        )
    with transaction.atomic():
        return _state(
            actor=actor,
            application=application,
            sponsor=sponsorship.sponsor,
            name="sponsor_vouched",
            value=True,
        )


def sponsor_statements_record(*, actor, application: Application, facts: dict) -> list[Fact]:
    """The sponsor supplies facts it states for this product (for example what the
    rules still miss). Empty values are skipped; at least one must be given."""
    sponsorship = _sponsorship(actor=actor, application=application)
    today = clock.today()
    sponsor_may_act(actor=actor, sponsor=sponsorship.sponsor, today=today)
    _running(
        application,
        message=_(
            "Giving information is no longer possible: the application is in the status "
            "“%(status)s”."
        ),
    )
    cleaned, errors = statements_check(
        product_code=application.product.code,
        product_name=application.product.name,
        facts=facts,
        today=today,
        on_apply=False,
    )
    if not cleaned and not errors:
        errors = [FieldError("", _("Fill in at least one field."), "required")]
    if errors:
        raise ApplicationInputInvalid(errors)
    with transaction.atomic():
        return [
            _state(
                actor=actor,
                application=application,
                sponsor=sponsorship.sponsor,
                name=name,
                value=value,
            )
            for name, value in cleaned.items()
        ]


def change_report(
    *, actor, application: Application, kind: str, on: date, details: str
) -> ChangeReport:
    """Report a change the sponsor must report (informatieplicht); timeliness is judged
    against the duty in force on the day of the change."""
    sponsorship = _sponsorship(actor=actor, application=application)
    sponsor = sponsorship.sponsor
    today = clock.today()
    # Reporting stays a duty after recognition is withdrawn, and after the decision.
    sponsor_may_act(actor=actor, sponsor=sponsor, today=today, applying=False)
    if kind not in ChangeKind.values:
        raise InvalidInput(
            _("Choose what changed: %(kinds)s.")
            % {"kinds": ", ".join(str(k.label) for k in ChangeKind)},
            field="kind",
        )
    fits = CHANGE_KIND_CATEGORIES.get(kind)
    if fits is not None and category_of(application.product.code) not in fits:
        raise InvalidInput(
            _("“%(kind)s” does not fit an application for “%(product)s”. Choose another change.")
            % {"kind": ChangeKind(kind).label, "product": application.product.name},
            field="kind",
        )
    if on is None:
        raise InvalidInput(_("Give the day of the change."), field="on")
    if on > today:
        raise InvalidInput(
            _(
                "The day of the change cannot be after today (%(today)s). Report a change "
                "once it has happened."
            )
            % {"today": day(today)},
            field="on",
        )
    details = (details or "").strip()
    if not details:
        raise InvalidInput(_("Describe the change in a few sentences."), field="details")
    if len(details) > DETAILS_MAX:
        raise InvalidInput(
            _("Describe the change in at most %(max)d characters.") % {"max": DETAILS_MAX},
            field="details",
        )
    parameter = parameter_in_force(key=duty_parameter_for(kind), on=on)
    weeks = parameter.value if parameter is not None else None
    report_by = on + timedelta(weeks=weeks) if weeks is not None else None
    with transaction.atomic():
        report = ChangeReport.objects.create(
            application=application,
            sponsor=sponsor,
            kind=kind,
            on=on,
            details=details,
            reported_by=actor,
            reported_at=clock.now(),
            duty_weeks=weeks,
            report_by=report_by,
            within_duty=(today <= report_by) if report_by is not None else None,
        )
        event_record(
            application=application,
            actor=actor,
            action=EventKind.SPONSOR_CHANGE_REPORTED,
            effective_on=on,
            reason=details,
            payload={
                "report": report.pk,
                "kind": kind,
                "on": on.isoformat(),
                "sponsor_kvk_number": sponsor.kvk_number,
                "duty_weeks": weeks,
                "report_by": report_by.isoformat() if report_by else None,
                "within_duty": report.within_duty,
            },
        )
    return report
