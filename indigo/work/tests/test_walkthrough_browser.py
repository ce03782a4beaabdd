"""A caseworker's day in a real browser (Debian chromium through Playwright):
get next → tasks done in parallel, one by a specialist in another unit → decision ready.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import Status
from indigo.cases.tests.factories import make_application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


@pytest.fixture
def people(catalog):
    family = make_unit("family-den-bosch", processes=["regular-social"], city="Den Bosch")
    documents = make_unit(
        "bureau-documenten",
        kind="specialist",
        specialisms=["document-examination"],
        city="Rijswijk",
    )
    return {
        "caseworker": user_with_role("caseworker", units=[family], username="fatima"),
        "specialist": user_with_role("specialist", units=[documents], username="joost"),
        "desk": user_with_role("desk", units=[family], username="desk"),
    }


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/?next=/work/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("log in", re.I)).click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()


def get_next(page: Page) -> None:
    page.get_by_role("button", name="Get next").click()


def report(page: Page, outcome: str, result: str) -> None:
    page.get_by_label(outcome).check()
    page.get_by_label("Result for the owner of the case").fill(result)
    page.get_by_role("button", name="Save result").click()
    expect(page.get_by_text("Result saved")).to_be_visible()


def test_get_next_parallel_tasks_and_a_decision_ready(live_server, page: Page, browser, people):
    application = make_application(product="family-partner", actor=people["desk"])

    # The caseworker asks for work and gets this application to own.
    log_in(page, live_server, "fatima")
    get_next(page)
    expect(page.get_by_role("heading", name=f"Application {application.reference}")).to_be_visible()
    page.get_by_role("button", name="Start intake").click()
    page.get_by_role("button", name="Start assessment").click()
    # The queue by its name, not its code (issue 11).
    expect(page.get_by_role("cell", name="Document examination").first).to_be_visible()

    # Meanwhile, a specialist in Rijswijk examines the documents.
    specialist_page = browser.new_context().new_page()
    log_in(specialist_page, live_server, "joost")
    get_next(specialist_page)
    expect(specialist_page.get_by_role("heading", name="Document examination")).to_be_visible()
    report(specialist_page, "No concerns", "Marriage certificate is genuine.")

    # The caseworker does the integral tasks, most urgent first.
    page.get_by_role("link", name="My work").click()
    for _ in range(3):
        get_next(page)
        report(page, "No concerns", "Checked.")
    get_next(page)
    expect(page.get_by_text("There is no work waiting in your queues.")).to_be_visible()

    # All blocking work is done: the decision can be proposed.
    page.goto(f"{live_server.url}/staff/applications/{application.reference}")
    expect(
        page.get_by_role("cell", name="No concerns: Marriage certificate is genuine.")
    ).to_be_visible()
    page.get_by_role("button", name="Propose decision").click()
    expect(page.get_by_text("Done: the application was updated.")).to_be_visible()
    application.refresh_from_db()
    assert application.status == Status.DECISION
