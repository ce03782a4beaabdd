"""Applying online: steps generated from the product version, saved as a draft."""

from decimal import Decimal

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from indigo import clock
from indigo.cases.models import Application
from indigo.cases.services import ApplicantData, application_create
from indigo.dossier.models import Document
from indigo.errors import Conflict
from indigo.portal import services
from indigo.portal.models import Draft, DraftDocument, Payment
from indigo.portal.selectors import offer_for
from indigo.portal.tests.helpers import (
    FAMILY_PARTNER_ANSWERS,
    PERMANENT_ANSWERS,
    PERSONAL,
    fill_until_documents,
    pay,
    step_url,
    upload,
    upload_required,
)
from indigo.rules.models import Fact

pytestmark = pytest.mark.usefixtures("catalog", "on_a_monday")


def offer(code):
    return offer_for(product_code=code, on=clock.today())


def test_the_start_page_offers_only_what_can_be_applied_for_online(portal):
    html = portal.get(reverse("portal:start")).content.decode()

    assert "Family: partner" in html or "partner" in html.lower()
    assert reverse("portal:apply", args=["family-partner"]) in html
    # Study goes through the recognised sponsor (the university), not the portal.
    assert reverse("portal:apply", args=["study"]) not in html


def test_a_product_that_is_not_offered_online_is_not_found(portal):
    assert portal.get(reverse("portal:apply", args=["study"])).status_code == 404


def test_applying_starts_with_the_personal_details(portal):
    response = portal.get(reverse("portal:apply", args=["family-partner"]))

    assert response["Location"] == step_url("family-partner", "personal")


def test_the_personal_details_are_filled_in_from_an_earlier_application(portal, person):
    application_create(
        actor=person,
        product_code="paid-employment",
        applicant=ApplicantData(
            "Valentina", "Restrepo Gómez", clock.today().replace(year=1998), "COL"
        ),
        channel="online",
        account=person,
    )

    html = portal.get(step_url("family-partner", "personal")).content.decode()

    assert 'value="Restrepo Gómez"' in html
    assert 'value="valentina@example.org"' in html


def test_a_later_step_cannot_be_opened_before_the_earlier_ones(portal):
    response = portal.get(step_url("family-partner", "documents"))

    assert response["Location"] == step_url("family-partner", "personal")


def test_each_step_saves_the_draft_and_goes_to_the_next(portal, person):
    response = portal.post(step_url("family-partner", "personal"), PERSONAL)

    assert response["Location"] == step_url("family-partner", "questions")
    draft = Draft.objects.get(user=person, product__code="family-partner")
    assert draft.answers["personal"]["surname"] == "Restrepo Gómez"
    assert draft.completed_steps == ["personal"]


def test_an_invalid_personal_step_says_what_to_do_and_saves_nothing(portal, person):
    response = portal.post(step_url("family-partner", "personal"), {**PERSONAL, "surname": ""})

    assert response.status_code == 400
    assert "Fill in your surname." in response.content.decode()
    assert all("personal" not in d.completed_steps for d in Draft.objects.filter(user=person))


def test_the_questions_come_from_the_facts_of_the_product(portal):
    portal.post(step_url("family-partner", "personal"), PERSONAL)
    family = portal.get(step_url("family-partner", "questions")).content.decode()
    portal.post(step_url("eu-blue-card", "personal"), PERSONAL)
    work = portal.get(step_url("eu-blue-card", "questions")).content.decode()

    assert 'name="sponsor_bsn"' in family
    assert 'name="gross_monthly_salary"' not in family
    assert 'name="gross_monthly_salary"' in work
    assert 'name="relationship_registered"' not in work


def test_what_a_partner_agency_supplies_is_not_asked(portal):
    # The BRP gives the sponsor's date of birth, UWV and the Tax Administration the
    # income and how long it lasts: the applicant gives only the sponsor's BSN.
    portal.post(step_url("family-partner", "personal"), PERSONAL)
    family = portal.get(step_url("family-partner", "questions")).content.decode()

    for supplied in (
        "sponsor_date_of_birth",
        "sponsor_gross_monthly_income",
        "income_duration_months",
    ):
        assert f'name="{supplied}"' not in family
    assert "Tax Administration" in family


def test_a_bsn_that_fails_the_11_test_is_refused_naming_the_field(portal):
    portal.post(step_url("family-partner", "personal"), PERSONAL)

    response = portal.post(
        step_url("family-partner", "questions"),
        {**FAMILY_PARTNER_ANSWERS, "sponsor_bsn": "123456789"},
    )

    assert response.status_code == 400
    assert "This is not a valid BSN" in response.content.decode()


def test_answers_are_kept_as_the_rules_store_facts_also_in_dutch_number_format(portal, person):
    portal.post(reverse("set_language"), {"language": "nl"})
    dutch = {**PERMANENT_ANSWERS, "gross_monthly_income": "3100,50"}
    fill_until_documents(portal, "permanent-residence-eu", dutch)

    answers = Draft.objects.get(user=person).answers["questions"]
    assert answers == {
        "years_legal_residence": 6,
        "gross_monthly_income": "3100.50",
        "civic_integration_passed": True,
        "travel_document_number": "AB1234567",
    }


def test_the_documents_step_lists_the_documents_of_the_version(portal):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)

    html = portal.get(step_url("family-partner", "documents")).content.decode()

    for code in ("passport", "identity-document-partner", "marriage-certificate"):
        assert f'value="{code}"' in html
    # Supplied by UWV and the Tax Administration (indigo.partners): not asked.
    assert 'value="income-statement"' not in html


def test_an_uploaded_file_waits_with_the_draft_until_the_application_is_sent(portal, person):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)

    response = upload(portal, "family-partner", "passport")

    assert response.status_code == 302
    staged = DraftDocument.objects.get(draft__user=person, document_type__code="passport")
    assert staged.content_type == "application/pdf"
    assert storages["default"].exists(staged.stored_name)
    assert not Document.objects.exists()


def test_going_on_without_a_required_document_names_what_is_missing(portal):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)
    upload(portal, "family-partner", "passport")

    response = portal.post(step_url("family-partner", "documents"), {"action": "continue"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Upload these documents first" in html
    assert "identity document" in html
    assert "Income statement" not in html
    assert "Passport," not in html


def test_the_fee_step_appears_only_when_the_version_has_a_fee(portal):
    fill_until_documents(portal, "permanent-residence-eu", PERMANENT_ANSWERS)
    upload_required(portal, offer("permanent-residence-eu"))

    assert portal.get(step_url("permanent-residence-eu", "fee")).status_code == 404
    assert portal.get(step_url("permanent-residence-eu", "check")).status_code == 200


def test_the_application_cannot_be_sent_before_the_fee_is_paid(person, portal):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)
    upload_required(portal, offer("family-partner"))
    draft = Draft.objects.get(user=person)

    with pytest.raises(Conflict):
        services.application_submit(user=person, draft=draft, offer=offer("family-partner"))
    # Nor through the screens: the check step is not reachable yet.
    assert portal.get(step_url("family-partner", "check"))["Location"] == step_url(
        "family-partner", "fee"
    )
    assert not Application.objects.exists()


def test_sending_creates_the_application_with_facts_documents_and_payment(
    portal, person, django_capture_on_commit_callbacks
):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)
    upload_required(portal, offer("family-partner"))
    pay(portal, "family-partner")

    with django_capture_on_commit_callbacks(execute=True):
        response = portal.post(step_url("family-partner", "check"), {"declaration": "on"})

    application = Application.objects.get()
    assert response["Location"] == reverse("portal:application", args=[application.reference])
    assert application.applicant.user == person
    assert application.applicant.language == "nl"
    assert application.customer_group.code == "individual"
    facts = {f.name: f for f in Fact.objects.filter(application=application)}
    assert facts["sponsor_bsn"].value == "999993653"
    assert facts["sponsor_bsn"].source == "applicant"
    # After the commit the worker asked the BRP and UWV/Tax Administration simulators.
    assert facts["sponsor_date_of_birth"].source == "partner"
    assert facts["sponsor_gross_monthly_income"].source == "partner"
    assert set(application.documents.values_list("document_type__code", flat=True)) == {
        "passport",
        "identity-document-partner",
        "antecedents-certificate",
    }
    payment = Payment.objects.get()
    assert payment.application == application
    assert payment.amount_eur == Decimal("243.00")
    assert application.events.filter(action="fee-paid").exists()
    assert not Draft.objects.exists()
    assert not storages["default"].listdir("portal-drafts")[1]


def test_sending_needs_the_declaration(portal):
    fill_until_documents(portal, "permanent-residence-eu", PERMANENT_ANSWERS)
    upload_required(portal, offer("permanent-residence-eu"))

    response = portal.post(step_url("permanent-residence-eu", "check"), {})

    assert response.status_code == 400
    assert "Confirm that you filled in everything truthfully." in response.content.decode()
    assert not Application.objects.exists()


def test_a_product_whose_fee_is_unknown_is_never_free_and_goes_to_intake_flagged(portal):
    # The catalog has no checked fee for permanent-residence-eu (0.00, not verified).
    fill_until_documents(portal, "permanent-residence-eu", PERMANENT_ANSWERS)
    upload_required(portal, offer("permanent-residence-eu"))

    check = portal.get(step_url("permanent-residence-eu", "check")).content.decode()
    assert "cannot be charged yet" in check
    assert "There is no fee" not in check
    portal.post(step_url("permanent-residence-eu", "check"), {"declaration": "on"})

    application = Application.objects.get()
    assert application.product.code == "permanent-residence-eu"
    assert not Payment.objects.exists()
    assert application.events.filter(action="fee-not-charged").exists()


def test_an_unknown_fee_cannot_be_paid(person, portal):
    fill_until_documents(portal, "permanent-residence-eu", PERMANENT_ANSWERS)
    draft = Draft.objects.get(user=person)

    with pytest.raises(Conflict) as raised:
        services.payment_start(
            user=person,
            draft=draft,
            offer=offer("permanent-residence-eu"),
            return_url_for=lambda reference: "/",
        )
    assert raised.value.code == "fee-unknown"


def test_a_draft_can_be_deleted_with_its_files(portal, django_capture_on_commit_callbacks):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)
    upload(portal, "family-partner", "passport")
    stored = DraftDocument.objects.get().stored_name

    with django_capture_on_commit_callbacks(execute=True):
        portal.post(reverse("portal:discard", args=["family-partner"]))

    assert not Draft.objects.exists()
    assert not storages["default"].exists(stored)


def test_a_paid_draft_cannot_be_deleted(portal):
    fill_until_documents(portal, "family-partner", FAMILY_PARTNER_ANSWERS)
    upload_required(portal, offer("family-partner"))
    pay(portal, "family-partner")

    portal.post(reverse("portal:discard", args=["family-partner"]))

    assert Draft.objects.exists()


def test_the_portal_is_for_applicants_only(client, db):
    from indigo.accounts.tests.factories import user_with_role

    client.force_login(user_with_role("caseworker"))

    assert client.get(reverse("portal:home")).status_code == 403


def test_a_product_no_partner_supplies_for_still_asks_for_the_income_statement(portal):
    # The income register answers for family reunification only.
    fill_until_documents(portal, "permanent-residence-eu", PERMANENT_ANSWERS)

    html = portal.get(step_url("permanent-residence-eu", "documents")).content.decode()

    assert 'value="income-statement"' in html
