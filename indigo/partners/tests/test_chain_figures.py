"""Chain figures: waiting time and failures per partner, facts from partners per product."""

from datetime import timedelta

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.partners.figures import partner_figures, product_figures
from indigo.rules.models import Fact

pytestmark = pytest.mark.django_db


@pytest.fixture
def through_an_outage(settings, family_application, deliver_outbox, traveller):
    """The BRP is down once, then answers 31 s later; the income register at once."""
    settings.INDIGO_PARTNER_FAULTS = {"brp": "down"}
    deliver_outbox()
    settings.INDIGO_PARTNER_FAULTS = {}
    traveller.shift(timedelta(seconds=settings.INDIGO_OUTBOX_RETRY_SECONDS + 1))
    deliver_outbox()
    return family_application


def test_waiting_time_and_failures_per_partner(through_an_outage, settings):
    figures = {f.partner: f for f in partner_figures()}

    brp, income = figures["brp"], figures["income"]
    assert (brp.asked, brp.answered, brp.waiting) == (1, 1, 0)
    assert (brp.attempts, brp.failures) == (2, 1)
    assert brp.median_seconds == settings.INDIGO_OUTBOX_RETRY_SECONDS + 1
    assert (income.failures, income.median_seconds) == (0, 0)


def test_the_share_of_facts_from_partners_per_product(through_an_outage):
    figures = {f.product: f for f in product_figures()}

    partner = figures["family-partner"]
    # The applicant gave only the BSN; the BRP and the income register the rest.
    from_partners = Fact.objects.filter(application=through_an_outage, source="partner").count()
    assert from_partners >= 3
    assert (partner.facts, partner.from_partners) == (from_partners + 1, from_partners)
    assert partner.partner_share == from_partners / (from_partners + 1)


def test_managers_see_them_on_their_page_and_through_the_api(through_an_outage, client):
    manager = user_with_role("manager")
    client.force_login(manager)

    html = client.get(reverse("staff:chain")).content.decode()
    api = APIClient()
    api.force_authenticate(manager)
    body = api.get("/api/v1/chain-figures").json()

    assert "BRP" in html and "family-partner" in html
    assert {p["partner"] for p in body["partners"]} == {"brp", "income"}
    assert body["products"][0]["partner_share"] > 0.7


def test_a_caseworker_does_not_see_the_chain_figures(client, traveller):
    caseworker = user_with_role("caseworker")
    client.force_login(caseworker)
    api = APIClient()
    api.force_authenticate(caseworker)

    assert client.get(reverse("staff:chain")).status_code == 403
    assert api.get("/api/v1/chain-figures").status_code == 403


def test_a_bad_since_is_a_400_naming_it(traveller):
    api = APIClient()
    api.force_authenticate(user_with_role("manager"))

    response = api.get("/api/v1/chain-figures?since=yesterday")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "since"
