"""Checking what a sponsor hands in for one migrant, before anything is written.

The apply form and every row of a CSV file go through `application_input_check`, so
a row is judged exactly as the form would judge it, and every problem is reported at
once (not only the first), each at its field or column.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from indigo.accounts.roles import Role, has_role
from indigo.cases import validators
from indigo.cases.lifecycle import ACTIVE
from indigo.cases.models import Application
from indigo.cases.services import ApplicantData
from indigo.catalog.models import Product
from indigo.errors import InvalidInput, NotAllowed, day
from indigo.sponsors.categories import Category, category_of
from indigo.sponsors.models import Authorisation, Sponsor
from indigo.sponsors.selectors import products_open_to
from indigo.sponsors.statements import FieldError, statements_check

HOW_MAX = 200

# The fields of one migrant's application; the CSV columns have the same names.
APPLICANT_FIELDS = ("given_names", "surname", "date_of_birth", "nationality", "v_number")
AUTHORISATION_FIELDS = ("authorisation_given_on", "authorisation_how")


@dataclass(frozen=True)
class AuthorisationGiven:
    """How and when the migrant authorised the sponsor (machtiging)."""

    given_on: date
    how: str


class ApplicationInputInvalid(InvalidInput):
    """Several problems with one migrant's application, each at its field."""

    def __init__(self, errors: list[FieldError]):
        first = errors[0]
        super().__init__(first.message, field=first.field, code=first.code)
        self.errors = errors


@dataclass
class CheckedInput:
    product: Product
    category: Category
    applicant: ApplicantData
    facts: dict
    authorisation: AuthorisationGiven | None
    existing_authorisation: Authorisation | None
    # An application this sponsor already filed for the same person and product that
    # is still running; set together with an error of code "already-applied".
    duplicate_of: Application | None = None
    errors: list[FieldError] = field(default_factory=list)


def sponsor_may_act(*, actor, sponsor: Sponsor, today: date, applying: bool = True) -> None:
    """The actor works for the sponsor, and (to apply or vouch) it is recognised today."""
    member = sponsor.members.filter(user_id=getattr(actor, "pk", None)).exists()
    if not (has_role(actor, Role.SPONSOR) and member):
        raise NotAllowed(_("You do not work for this sponsor in Indigo."))
    if applying and not sponsor.is_recognised_on(today):
        if sponsor.recognition_withdrawn_on and sponsor.recognition_withdrawn_on <= today:
            message = _(
                "The recognition of %(sponsor)s as a recognised sponsor was withdrawn on "
                "%(date)s. It can no longer apply for migrants or vouch for them."
            ) % {"sponsor": sponsor.name, "date": day(sponsor.recognition_withdrawn_on)}
        else:
            message = _(
                "%(sponsor)s is recognised as a sponsor from %(date)s; until then it cannot "
                "apply or vouch."
            ) % {"sponsor": sponsor.name, "date": day(sponsor.recognised_since)}
        raise NotAllowed(message, code="not-recognised")


def _product_errors(*, sponsor: Sponsor, product_code: str, open_: list[Product]):
    codes = ", ".join(p.code for p in open_) or _("none")
    product = Product.objects.filter(code=(product_code or "").strip()).first()
    if product is None:
        return None, FieldError(
            "product",
            _("There is no product “%(product)s”. Your organisation can apply for: %(codes)s.")
            % {"product": product_code, "codes": codes},
        )
    category = category_of(product.code)
    if category is not None and category not in sponsor.categories:
        return None, FieldError(
            "product",
            _(
                "Your organisation is not recognised for the category “%(category)s”, so "
                "it cannot apply for “%(product)s”. It can apply for: %(codes)s."
            )
            % {"category": category.label, "product": product.code, "codes": codes},
        )
    if product not in open_:
        return None, FieldError(
            "product",
            _(
                "A recognised sponsor cannot apply for “%(product)s”. Your organisation "
                "can apply for: %(codes)s."
            )
            % {"product": product.code, "codes": codes},
        )
    return product, None


def _applicant_errors(data: ApplicantData, *, today: date):
    errors, values = [], {}
    checks = {
        "given_names": lambda v: validators.validate_name(v, field="given_names"),
        "surname": lambda v: validators.validate_name(v, field="surname"),
        "date_of_birth": lambda v: validators.validate_date_of_birth(v, today=today),
        "nationality": validators.validate_nationality,
        "v_number": validators.validate_v_number,
    }
    for name, check in checks.items():
        value = getattr(data, name)
        if name == "date_of_birth" and value is None:
            errors.append(FieldError(name, _("Give the date of birth."), "required"))
            continue
        try:
            values[name] = check(value)
        except InvalidInput as exc:
            errors.append(FieldError(name, exc.message))
    if errors:
        return None, errors
    # Whether a V-number is known is never told (issue 9): a sponsor's filing joins
    # an existing person only through the sponsor's own authorisation on record.
    cleaned = ApplicantData(**values)
    return cleaned, []


def _same_person(applicant: ApplicantData) -> Q:
    same = Q(
        applicant__surname__iexact=applicant.surname,
        applicant__given_names__iexact=applicant.given_names,
        applicant__date_of_birth=applicant.date_of_birth,
    )
    if applicant.v_number:
        same |= Q(applicant__v_number=applicant.v_number)
    return same


def _running_application(*, sponsor, product, applicant: ApplicantData) -> Application | None:
    return (
        Application.objects.filter(
            _same_person(applicant),
            sponsorship__sponsor=sponsor,
            product=product,
            status__in=ACTIVE,
        )
        .order_by("-received_on", "-id")
        .first()
    )


def _authorisation_given_check(
    given: AuthorisationGiven, *, today: date
) -> tuple[AuthorisationGiven | None, list[FieldError]]:
    errors = []
    if given.given_on is None:
        errors.append(
            FieldError(
                "authorisation_given_on",
                _("Give the day the migrant authorised your organisation."),
                "required",
            )
        )
    elif given.given_on > today:
        errors.append(
            FieldError(
                "authorisation_given_on",
                _("The authorisation cannot be given after today (%(today)s).")
                % {"today": day(today)},
            )
        )
    how = " ".join((given.how or "").split())
    if not how:
        errors.append(
            FieldError(
                "authorisation_how",
                _("Say how the migrant authorised your organisation, for example: signed form."),
                "required",
            )
        )
    elif len(how) > HOW_MAX:
        errors.append(
            FieldError(
                "authorisation_how",
                _("Describe it in at most %(max)d characters.") % {"max": HOW_MAX},
            )
        )
    if errors:
        return None, errors
    return AuthorisationGiven(given_on=given.given_on, how=how), []


def _authorisation_on_record(*, sponsor, product, v_number: str) -> Authorisation | None:
    """A running authorisation for this person (known by V-number) and product."""
    if not v_number:
        return None
    return (
        Authorisation.objects.filter(
            sponsor=sponsor,
            product=product,
            applicant__v_number=v_number,
            withdrawn_on__isnull=True,
        )
        .order_by("-given_on", "-id")
        .first()
    )


def _missing_authorisation() -> FieldError:
    return FieldError(
        "authorisation_given_on",
        _(
            "Record the migrant's authorisation (machtiging): the day it was given and how. "
            "Your organisation can only apply for a migrant who authorised it."
        ),
        "required",
    )


def application_input_check(
    *,
    sponsor: Sponsor,
    product_code: str,
    applicant: ApplicantData,
    facts: dict,
    authorisation: AuthorisationGiven | None,
    today: date,
    open_products: list[Product] | None = None,
) -> CheckedInput:
    """Check everything; the result's `errors` lists every problem (empty: all good).

    `open_products` (`products_open_to` the sponsor today) saves looking them up again
    for every row of a file."""
    if open_products is None:
        open_products = products_open_to(sponsor=sponsor, on=today)
    product, product_error = _product_errors(
        sponsor=sponsor, product_code=product_code, open_=open_products
    )
    cleaned_applicant, errors = _applicant_errors(applicant, today=today)
    if product_error:
        errors.insert(0, product_error)
    checked = CheckedInput(
        product=product,
        category=category_of(product.code) if product else None,
        applicant=cleaned_applicant,
        facts={},
        authorisation=None,
        existing_authorisation=None,
    )
    if product is not None:
        checked.facts, fact_errors = statements_check(
            product_code=product.code,
            product_name=product.name,
            facts=facts,
            today=today,
            on_apply=True,
        )
        errors += fact_errors
    if authorisation is not None:
        checked.authorisation, authorisation_errors = _authorisation_given_check(
            authorisation, today=today
        )
        errors += authorisation_errors
    else:
        known = product is not None and cleaned_applicant is not None
        if known:
            checked.existing_authorisation = _authorisation_on_record(
                sponsor=sponsor, product=product, v_number=cleaned_applicant.v_number
            )
        # Without a valid person and product, one on record cannot be looked up yet;
        # only a person without a V-number certainly has none.
        if checked.existing_authorisation is None and (known or not applicant.v_number):
            errors.append(_missing_authorisation())
    if product is not None and cleaned_applicant is not None:
        running = _running_application(
            sponsor=sponsor, product=product, applicant=cleaned_applicant
        )
        if running is not None:
            checked.duplicate_of = running
            errors.append(
                FieldError(
                    "product",
                    _(
                        "Your organisation already applied for this person and this "
                        "product: application %(reference)s is still running."
                    )
                    % {"reference": running.reference},
                    "already-applied",
                )
            )
    checked.errors = errors
    return checked
