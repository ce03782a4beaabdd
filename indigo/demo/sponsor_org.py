"""The demo's recognised sponsor: a (made-up) university, with the sponsor login as
its international office, and the seed's student's study application on its books."""

from datetime import date

from indigo import clock
from indigo.cases.models import Application
from indigo.sponsors.models import Authorisation, Sponsor, SponsoredApplication, SponsorUser

UNIVERSITY = {
    "name": "Universiteit van Amstelland (demo)",
    "kvk_number": "90000001",  # made up: not a real Chamber of Commerce number
    "categories": ["study", "exchange"],
    "recognised_since": date(2014, 9, 1),
    "contact_email": "international-office@amstelland.invalid",
}


def demo_sponsor_load(*, sponsor_user, studying: Application) -> Sponsor:
    sponsor, _ = Sponsor.objects.get_or_create(
        kvk_number=UNIVERSITY["kvk_number"], defaults=UNIVERSITY
    )
    SponsorUser.objects.get_or_create(sponsor=sponsor, user=sponsor_user)
    authorisation, _ = Authorisation.objects.get_or_create(
        applicant=studying.applicant,
        sponsor=sponsor,
        product=studying.product,
        defaults={
            "given_on": studying.received_on,
            "how": "signed authorisation form",
            "recorded_by": sponsor_user,
            "recorded_at": clock.now(),
        },
    )
    SponsoredApplication.objects.get_or_create(
        application=studying,
        defaults={
            "sponsor": sponsor,
            "authorisation": authorisation,
            "created_by": sponsor_user,
            "created_at": clock.now(),
        },
    )
    return sponsor
