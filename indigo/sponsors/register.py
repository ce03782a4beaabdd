"""The register of recognised sponsors (erkend referenten) as a partner adapter.

Indigo keeps this register itself (`Sponsor`), so the "partner" answers from its own
records: for an application that names a sponsor by KvK number but did not come in
through the sponsor portal (a paper or online application), whether that sponsor is
recognised, for the product's category, on the receipt date. Named in
`settings.INDIGO_PARTNERS["sponsor-register"]` like every other partner, so a central
register could replace it.
"""

from datetime import date

from indigo.partners.adapters import Answer, PartnerAdapter
from indigo.partners.selectors import latest_fact_value
from indigo.sponsors.categories import PRODUCT_CATEGORY, RECOGNITION_FACT
from indigo.sponsors.models import Sponsor, SponsoredApplication

SOURCE = "register of recognised sponsors (IND)"


class RecognisedSponsorRegister(PartnerAdapter):
    name = "sponsor-register"
    label = "Register of recognised sponsors"
    facts = tuple(dict.fromkeys(RECOGNITION_FACT.values()))
    products = frozenset(PRODUCT_CATEGORY)

    def subject_for(self, application) -> dict | None:
        category = PRODUCT_CATEGORY.get(application.product.code)
        if category is None or category not in RECOGNITION_FACT:
            return None
        # The sponsor portal checks recognition itself when the sponsor applies.
        if SponsoredApplication.objects.filter(application=application).exists():
            return None
        kvk = latest_fact_value(application=application, name="sponsor_kvk_number")
        if not kvk:
            return None
        return {"kvk_number": kvk, "on": application.received_on.isoformat()}

    def ask(self, *, application, subject: dict, request_id: str) -> Answer:
        category = PRODUCT_CATEGORY[application.product.code]
        sponsor = Sponsor.objects.filter(kvk_number=subject["kvk_number"]).first()
        on = date.fromisoformat(subject["on"])
        recognised = bool(
            sponsor is not None
            and category.value in sponsor.categories
            and sponsor.is_recognised_on(on)
        )
        return Answer(facts={RECOGNITION_FACT[category]: recognised}, source_detail=SOURCE)
