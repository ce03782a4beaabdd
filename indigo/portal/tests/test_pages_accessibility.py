"""axe-core on every portal page, in Dutch and in English: no serious or critical
violations (a measure, not an audit: automated checks find only part of the problems).

The walk goes through the portal as an applicant does, in a real browser: log in,
every step of the wizard (with an error on the way), the payment page, the follow
page with a request and the decision letter, the accessibility statement and the
report form.
"""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from playwright.sync_api import Page, expect

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.information_requests import information_request_create
from indigo.cases.models import Application
from indigo.cases.services import application_act
from indigo.catalog.models import Product
from indigo.dossier.services import document_store_generated
from indigo.dossier.tests.files import tiny_pdf
from indigo.testing.axe import SERIOUS, AxeAudit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRODUCT = "family-partner"


@pytest.fixture(autouse=True)
def _monday():
    # The clock runs (tick=True): the browser needs time to pass.
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=True):
        yield


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "scan.pdf"
    good.write_bytes(tiny_pdf())
    wrong = tmp_path / "letter.docx"
    wrong.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    return {"good": good, "wrong": wrong}


def save_and_continue(page: Page, language: str) -> None:
    page.get_by_role(
        "button", name="Opslaan en verder" if language == "nl" else "Save and continue"
    ).click()


def walk(page: Page, live_server, language: str, files, audit: AxeAudit) -> None:
    words = WORDS[language]
    url = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": language, "url": url}])

    page.goto(f"{url}{reverse('portal:login')}")
    audit.check("login")
    page.get_by_role("button", name=words["log in"]).click()
    expect(page.get_by_role("alert")).to_be_visible()
    audit.check("login with an error", status=400)
    page.get_by_label(words["user name"]).fill("valentina")
    page.get_by_label(words["e-mail optional"]).fill("valentina@example.org")
    page.get_by_role("button", name=words["log in"]).click()
    expect(page.get_by_role("heading", name=words["my applications"], level=1)).to_be_visible()
    audit.check("home, empty")

    page.goto(f"{url}{reverse('portal:start')}")
    audit.check("start")
    page.goto(f"{url}{reverse('portal:apply', args=[PRODUCT])}")

    # Step 1: personal details, first with an error.
    save_and_continue(page, language)
    expect(page.get_by_role("alert")).to_be_visible()
    audit.check("personal details with errors", status=400)
    page.get_by_label(words["given names"]).fill("Valentina")
    page.get_by_label(words["surname"]).fill("Restrepo Gómez")
    page.get_by_label(words["date of birth"]).fill("1998-04-12")
    page.get_by_label(words["nationality"]).select_option("COL")
    page.get_by_label(words["e-mail"], exact=True).fill("valentina@example.org")
    page.get_by_label(words["language name"]).check()
    audit.check("personal details", status=400)
    save_and_continue(page, language)

    # Step 2: questions.
    expect(page.get_by_role("heading", level=1)).to_have_text(words["questions"])
    save_and_continue(page, language)
    audit.check("questions with errors", status=400)
    page.locator("#id_relationship_registered_0").check()
    page.locator("#id_sponsor_bsn").fill("999993653")
    page.locator("#id_travel_document_number").fill("AB1234567")
    audit.check("questions", status=400)
    save_and_continue(page, language)

    # Step 3: documents, with a wrong file first.
    expect(page.get_by_role("heading", level=1)).to_have_text(words["documents"])
    audit.check("documents")
    page.locator("#id_passport_file").set_input_files(files["wrong"])
    page.locator("#id_passport_file").locator("xpath=ancestor::form").locator("button").click()
    expect(page.get_by_role("alert").first).to_be_visible()
    audit.check("documents with a wrong file", status=400)
    for code in (
        "passport",
        "identity-document-partner",
        "antecedents-certificate",
    ):
        field = page.locator(f"#id_{code}_file")
        field.set_input_files(files["good"])
        field.locator("xpath=ancestor::form").locator("button").click()
    audit.check("documents uploaded")
    save_and_continue(page, language)

    # Step 4: the fee, the provider's page, back.
    expect(page.get_by_role("heading", level=1)).to_have_text(words["fee"])
    audit.check("fee")
    page.locator("form.indigo-form button[type=submit]").click()
    audit.check("payment page")
    page.get_by_role("button", name=words["cancel payment"]).click()
    audit.check("fee after a cancelled payment")
    page.locator("form.indigo-form button[type=submit]").click()
    page.locator("button[value=pay]").click()

    # Step 5: check and send, first without the declaration.
    expect(page.get_by_role("heading", level=1)).to_have_text(words["check"])
    audit.check("check")
    page.get_by_role("button", name=words["send application"]).click()
    audit.check("check with an error", status=400)
    page.locator("#id_declaration").check()
    page.get_by_role("button", name=words["send application"]).click()
    product = Product.objects.get(code=PRODUCT)
    name = product.name_nl if language == "nl" else product.name_en
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    audit.check("follow, received")

    # The caseworker asks for something; later the decision letter arrives.
    application = Application.objects.get(applicant__user__username="valentina")
    caseworker = user_with_role("caseworker")
    for action in ("start-intake", "start-assessment"):
        application = application_act(actor=caseworker, application=application, action=action)
    information_request_create(
        actor=caseworker,
        application=application,
        what="A copy of your marriage certificate.",
        until=date(2026, 3, 16),
    )
    document_store_generated(
        actor=caseworker,
        application=application,
        document_type_code="decision-letter",
        content=tiny_pdf(),
        name="letter.pdf",
    )
    page.reload()
    audit.check("follow, information needed, letter")
    page.get_by_role("button", name=words["send answer"]).click()
    audit.check("follow, reply with an error", status=400)
    page.goto(f"{url}{reverse('portal:home')}")
    audit.check("home, with an application")

    # Open to everyone.
    page.goto(f"{url}{reverse('accessibility-statement')}")
    audit.check("accessibility statement")
    page.goto(f"{url}{reverse('portal:accessibility-report')}")
    audit.check("report form")
    page.get_by_role("button", name=words["send report"]).click()
    audit.check("report form with an error", status=400)
    page.get_by_label(words["what went wrong"]).fill("The upload button is not read out.")
    page.get_by_role("button", name=words["send report"]).click()
    audit.check("report sent")


WORDS = {
    "en": {
        "log in": "Log in",
        "user name": "User name",
        "e-mail optional": "E-mail address (optional)",
        "my applications": "My applications",
        "given names": "Given names",
        "surname": "Surname",
        "date of birth": "Date of birth",
        "nationality": "Nationality",
        "e-mail": "E-mail address",
        "language name": "English",
        "questions": "Questions about your situation",
        "documents": "Documents",
        "fee": "Pay the fee",
        "cancel payment": "Cancel payment",
        "check": "Check and send",
        "send application": "Send application",
        "send answer": "Send answer",
        "send report": "Send report",
        "what went wrong": "What went wrong?",
    },
    "nl": {
        "log in": "Inloggen",
        "user name": "Gebruikersnaam",
        "e-mail optional": "E-mailadres (niet verplicht)",
        "my applications": "Mijn aanvragen",
        "given names": "Voornamen",
        "surname": "Achternaam",
        "date of birth": "Geboortedatum",
        "nationality": "Nationaliteit",
        "e-mail": "E-mailadres",
        "language name": "Nederlands",
        "questions": "Vragen over uw situatie",
        "documents": "Documenten",
        "fee": "Leges betalen",
        "cancel payment": "Betaling annuleren",
        "check": "Controleren en versturen",
        "send application": "Aanvraag versturen",
        "send answer": "Antwoord versturen",
        "send report": "Melding versturen",
        "what went wrong": "Wat ging er mis?",
    },
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_portal_page_has_no_serious_or_critical_axe_violations(
    page: Page, live_server, catalog, files, language
):
    audit = AxeAudit(page, impacts=SERIOUS)

    walk(page, live_server, language, files, audit)

    assert len(audit.pages) == 24  # every page and error state of the walk was checked
    assert audit.found == {}


def test_the_session_ended_page_has_no_serious_or_critical_axe_violations(
    page: Page, live_server, catalog
):
    audit = AxeAudit(page, impacts=SERIOUS)
    for language in ("nl", "en"):
        page.context.clear_cookies()
        page.context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        # A session cookie the server no longer knows: the session has ended.
        page.context.add_cookies(
            [{"name": "sessionid", "value": "gone" * 8, "url": live_server.url}]
        )
        page.goto(f"{live_server.url}{reverse('portal:home')}")
        expect(page.get_by_role("alert")).to_be_visible()
        audit.check(f"session ended ({language})")

    assert audit.found == {}
