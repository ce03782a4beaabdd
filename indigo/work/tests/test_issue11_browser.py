"""Issue 11 in a real browser (Debian chromium through Playwright): the caseworker asks
a specialism for advice and opens the dossier; the specialist answers; a manager hands
a task over; the contact centre sees the whole person and no casework."""

import re

import pytest
from playwright.sync_api import Page, expect

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.tests.factories import make_application
from indigo.dossier.tests.factories import make_document
from indigo.work.tests.test_walkthrough_browser import get_next, log_in, report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(catalog, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "dossier"},
        },
    }
    family = make_unit("family-den-bosch", processes=["regular-social"], city="Den Bosch")
    documents = make_unit(
        "bureau-documenten", kind="specialist", specialisms=["document-examination"]
    )
    contact = make_unit("contact-centre", kind="contact-centre", processes=["regular-social"])
    return {
        "caseworker": user_with_role("caseworker", units=[family], username="fatima"),
        "colleague": user_with_role("caseworker", units=[family], username="sanne"),
        "manager": user_with_role("manager", units=[family], username="marco"),
        "specialist": user_with_role("specialist", units=[documents], username="joost"),
        "contact": user_with_role("contact", units=[contact], username="kim"),
    }


def test_advice_dossier_handing_over_and_the_whole_person(live_server, page: Page, browser, people):
    application = make_application(product="family-partner", actor=people["caseworker"])
    make_document(actor=people["caseworker"], application=application)

    # The caseworker takes the case, opens the passport in the dossier viewer.
    log_in(page, live_server, "fatima")
    get_next(page)
    page.get_by_role("button", name="Start intake").click()
    page.get_by_role("button", name="Start assessment").click()
    page.get_by_role("link", name="Passport").first.click()
    expect(page.get_by_text("checked each time the document is opened").first).to_be_visible()
    expect(page.locator("iframe")).to_have_count(1)
    page.get_by_role("link", name=re.compile("Back to application")).click()
    expect(page.get_by_text("Who opened documents of this dossier")).to_be_visible()

    # She asks document examination a question, with a due date.
    advice = page.get_by_role("group", name="Ask for advice")
    advice.get_by_label("Ask a specialism").select_option("document-examination")
    advice.get_by_label("Your question").fill("Is the marriage certificate genuine?")
    advice.get_by_label("Answer needed by").fill("2099-01-01")
    advice.get_by_role("button", name="Send the question").click()
    expect(page.get_by_text("Your question was sent.")).to_be_visible()

    # The specialist answers through "Get next" (the question, or the examination first).
    specialist = browser.new_context().new_page()
    log_in(specialist, live_server, "joost")
    for _ in range(2):
        get_next(specialist)
        if specialist.get_by_text("Is the marriage certificate genuine?").count():
            break
        report(specialist, "No concerns", "Documents fine.")
    report(specialist, "No concerns", "Genuine: checked with the register.")

    # The answer is on the owner's worklist.
    page.get_by_role("link", name="My work").click()
    expect(page.get_by_text("Answers to your questions")).to_be_visible()
    expect(page.get_by_text("Genuine: checked with the register.")).to_be_visible()

    # A manager hands the register check to a colleague, with a reason.
    manager = browser.new_context().new_page()
    log_in(manager, live_server, "marco")
    expect(manager.get_by_role("button", name="Get next")).to_have_count(0)
    manager.goto(f"{live_server.url}/staff/applications/{application.reference}")
    manager.get_by_role("link", name=re.compile("check", re.I)).first.click()
    manager.get_by_label("Give the task to").select_option(label="sanne")
    manager.get_by_label("Reason").fill("Fatima is on leave")
    manager.get_by_role("button", name="Hand over").click()
    expect(manager.get_by_text("The task was handed over.")).to_be_visible()

    # The contact centre sees the whole person, and gets no casework.
    contact = browser.new_context().new_page()
    log_in(contact, live_server, "kim")
    expect(contact.get_by_role("button", name="Get next")).to_have_count(0)
    expect(contact.get_by_role("link", name="Units and queues")).to_have_count(0)
    contact.goto(f"{live_server.url}/contacts/persons/{application.applicant_id}")
    for heading in ("Applications", "Appointments", "Residence card", "Letters", "Contact log"):
        expect(contact.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(
        contact.get_by_role("heading", name="Messages to and from the applicant")
    ).to_be_visible()
