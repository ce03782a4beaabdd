"""Synthetic applicants and applications, made through the services as in real use."""

from datetime import date
from decimal import Decimal

import factory

from indigo.accounts.roles import Role, has_role
from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import ApplicantData, application_create


class ApplicantDataFactory(factory.Factory):
    class Meta:
        model = ApplicantData

    given_names = factory.Faker("first_name")
    surname = factory.Faker("last_name")
    date_of_birth = date(1998, 4, 12)
    nationality = "COL"
    v_number = ""


def make_application(*, product="study", actor=None, received_on=None, **applicant):
    """An application filed by `actor`: an applicant online with their own account, or
    staff on paper."""
    actor = actor or user_with_role("caseworker")
    own = has_role(actor, Role.APPLICANT)
    if applicant.get("v_number"):
        # One V-number, one person: the same names unless a test says otherwise.
        applicant = {"given_names": "Ana", "surname": "Lopez", **applicant}
    return application_create(
        actor=actor,
        product_code=product,
        applicant=ApplicantDataFactory(**applicant),
        received_on=received_on,
        channel=_own_channel(product) if own else "post",
        account=actor if own else None,
        # Online, the fee is paid in the portal first (indigo.cases.filing); a product
        # not applied for online (study: through the sponsor) is recorded as filed.
        fee_paid_eur=Decimal("99999") if own else None,
        replayed=own and _own_channel(product) != "online",
    )


def _own_channel(product: str) -> str:
    from indigo.catalog.models import CustomerGroup

    channels = list(
        CustomerGroup.objects.filter(version__product__code=product).values_list(
            "channels", flat=True
        )
    )
    if any("online" in c for c in channels):
        return "online"
    return next((c[0] for c in channels if c), "post")
