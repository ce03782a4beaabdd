"""Synthetic sponsors and their applications, made through the services as in real use."""

from datetime import date
from decimal import Decimal
from itertools import count

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.services import ApplicantData
from indigo.sponsors.application_input import AuthorisationGiven
from indigo.sponsors.models import Sponsor, SponsorUser
from indigo.sponsors.services import sponsor_apply

_kvk = count(30000001)

STUDY_FACTS = {
    "programme_name": "MSc Water Management",
    "programme_end_date": date(2028, 8, 31),
    "admitted_to_programme": True,
}
WORK_FACTS = {
    "gross_monthly_salary": Decimal("6100.00"),
    "contract_start_date": date(2026, 10, 1),
    "contract_open_ended": True,
}
SIGNED_FORM = AuthorisationGiven(given_on=date(2026, 8, 20), how="signed form")


def make_sponsor(
    name="Universiteit van Zwolle",
    *,
    categories=("study",),
    recognised_since=date(2015, 1, 1),
    withdrawn_on=None,
) -> Sponsor:
    sponsor = Sponsor(
        name=name,
        kvk_number=str(next(_kvk)),
        categories=list(categories),
        recognised_since=recognised_since,
        recognition_withdrawn_on=withdrawn_on,
        contact_email="international-office@example.invalid",
    )
    sponsor.full_clean()
    sponsor.save()
    return sponsor


def make_sponsor_user(sponsor: Sponsor, **kwargs):
    user = user_with_role("sponsor", **kwargs)
    SponsorUser.objects.create(sponsor=sponsor, user=user)
    return user


def applicant(**overrides) -> ApplicantData:
    values = {
        "given_names": "Valentina",
        "surname": "Restrepo Gómez",
        "date_of_birth": date(2001, 3, 14),
        "nationality": "COL",
        "v_number": "",
    }
    return ApplicantData(**{**values, **overrides})


def sponsored_application(
    sponsor: Sponsor, *, actor=None, product="study", facts=None, vouch=False, **person
):
    actor = actor or make_sponsor_user(sponsor)
    return sponsor_apply(
        actor=actor,
        sponsor=sponsor,
        product_code=product,
        applicant_data=applicant(**person),
        facts=STUDY_FACTS if facts is None and product == "study" else (facts or {}),
        vouch=vouch,
        authorisation=SIGNED_FORM,
    )
