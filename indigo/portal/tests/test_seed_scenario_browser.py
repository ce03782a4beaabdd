"""The seed's scenario through the real screens (issue 5, point 5), in a browser.

A university (recognised sponsor) applies for a study permit for a Colombian student
who authorised it, and vouches for her; the caseworker grants on the fast track and
the decision is notified within the two-day norm; the student reads the decision in
the portal and books a desk appointment; the desk identifies her and hands out a
residence card valid for the whole programme (+ the study extra months).

Only configuration is made with factories: the university and its officer, the
caseworker's unit, the desk and its employee, the student's portal account.
"""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.cases.models import Application, ApplicationEvent
from indigo.decisions.models import Decision
from indigo.desks.models import Appointment
from indigo.desks.tests.factories import desk_employee, make_desk, make_type
from indigo.rules.context import RuleContext
from indigo.rules.validity import after
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PASSWORD = "correct horse battery"
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=AMSTERDAM)  # 2026 product versions in force
TUESDAY = date(2026, 3, 3)
PROGRAMME_END = date(2030, 8, 31)  # a four-year programme
PERMIT_END = date(2030, 11, 30)  # + 3 months (parameter study-permit-extra-months)
CARD = "V123AL568"


@pytest.fixture
def clock():
    # The clock runs (tick=True): the browser needs time to pass.
    with time_machine.travel(MONDAY, tick=True) as traveller:
        yield traveller


@pytest.fixture
def people(catalog, settings, clock):
    settings.INDIGO_DEV_LOGIN = True
    university = make_sponsor("Universiteit van Zwolle", categories=["study"])
    integral = make_unit("economic-zwolle", processes=["regular-economic"], city="Zwolle")
    collect = make_type("collect-residence-document", minutes=10, biometrics=True, document=True)
    desk = make_desk("zwolle", city="Zwolle", seats={collect: 1})
    return {
        "officer": make_sponsor_user(university, username="international-office"),
        "caseworker": user_with_role("caseworker", units=[integral], username="fatima"),
        "desk": desk_employee(desk, username="desk-zwolle"),
        "student": user_with_role("applicant", username="valentina", email="valentina@example.org"),
    }


def staff_log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("log in", re.I)).click()
    expect(page.get_by_label("Username")).to_have_count(0)


def new_page(browser) -> Page:
    return browser.new_context().new_page()


def test_a_sponsored_student_is_granted_on_the_fast_track_and_collects_her_card(
    live_server, page: Page, browser, people, clock
):
    # 1. The university's international office applies for her, and vouches.
    staff_log_in(page, live_server, "international-office")
    page.goto(f"{live_server.url}/sponsor/apply")
    page.get_by_label("Product").select_option("study")
    page.get_by_label("Given names").fill("Valentina")
    page.get_by_label("Surname").fill("Restrepo Gómez")
    page.get_by_label("Date of birth").fill("2001-05-14")
    page.get_by_label("Nationality").fill("COL")
    page.get_by_label("Authorised on").fill("2026-02-20")
    page.get_by_label("How the migrant authorised you").fill("signed form")
    page.get_by_label(re.compile("name of the programme", re.I)).fill("MSc Water Management")
    page.get_by_label(re.compile("end date of the programme", re.I)).fill(PROGRAMME_END.isoformat())
    page.get_by_label(re.compile("admitted to the programme", re.I)).select_option("yes")
    page.get_by_label(re.compile("we vouch for the migrant", re.I)).check()
    page.get_by_role("button", name="File the application").click()
    expect(page.get_by_text("The application was received.")).to_be_visible()
    application = Application.objects.get()
    reference = application.reference

    # 2. The caseworker takes it through intake and grants on the fast track.
    staff = new_page(browser)
    staff_log_in(staff, live_server, "fatima")
    staff.goto(f"{live_server.url}/staff/applications/{reference}")
    expect(staff.get_by_role("heading", name=f"Application {reference}")).to_be_visible()
    staff.get_by_role("button", name="Start intake").click()
    expect(staff.get_by_text("Done: the application was updated.")).to_be_visible()
    staff.get_by_role("button", name="Start assessment").click()
    expect(staff.get_by_text("Done: the application was updated.")).to_be_visible()
    # Her assessment tasks (the sponsor check) are done in the work screens.
    staff.get_by_role("link", name="My work").click()
    for _ in range(5):  # the queue empties well before this
        staff.get_by_role("button", name="Get next").click()
        if staff.get_by_text("There is no work waiting in your queues.").count():
            break
        staff.get_by_label("No concerns").check()
        staff.get_by_label("Result for the owner of the case").fill("Checked: in order.")
        staff.get_by_role("button", name="Save result").click()
        expect(staff.get_by_text("Result saved")).to_be_visible()
        staff.get_by_role("link", name="My work").click()
    expect(staff.get_by_text("There is no work waiting in your queues.")).to_be_visible()
    staff.goto(f"{live_server.url}/staff/applications/{reference}")

    # The judicial records agency answers: no entry (the only open condition).
    # The picker offers this product's facts; the value is asked as yes or no.
    picker = staff.get_by_role("group", name="Record a fact")
    picker.get_by_label("Fact", exact=True).select_option("criminal_record")
    picker.get_by_role("button", name="Choose this fact").click()
    facts = staff.get_by_role("group", name="Record a fact")
    facts.get_by_role("radio", name="No").check()
    facts.get_by_label("Where it comes from").select_option("partner")
    facts.get_by_label("Source detail (optional)").fill("Justid")
    facts.get_by_role("button", name="Record the fact").click()
    expect(staff.get_by_text("Grant: every condition is met")).to_be_visible()
    staff.get_by_role("button", name="Grant on the fast track").click()
    expect(staff.get_by_text("Granted on the fast track.")).to_be_visible()
    expect(staff.get_by_text("(fast track)")).to_be_visible()
    decided = staff.get_by_role("region", name="Decision", exact=True)
    expect(decided).to_contain_text("up to and including 30 November 2030")
    expect(decided).to_contain_text(re.compile(r"Notified\s*2 March 2026"))
    norm = staff.get_by_role("region", name="Service norm")
    expect(norm).to_contain_text(re.compile(r"Yes: notified after [01] days?\."))

    # 3. The student reads the decision in the portal and books at the desk.
    application.applicant.refresh_from_db()
    applicant = application.applicant
    applicant.user = people["student"]  # no screen links a sponsor's applicant to her account
    applicant.save(update_fields=["user"])
    student = new_page(browser)
    student.goto(f"{live_server.url}/portal/login")
    student.get_by_label("User name").fill("valentina")
    student.get_by_role("button", name="Log in").click()
    student.goto(f"{live_server.url}/portal/applications/{reference}")
    expect(student.get_by_role("heading", name="Our decision")).to_be_visible()
    expect(student.get_by_role("link", name=re.compile("Download the letter"))).to_be_visible()
    student.get_by_role("link", name="Make an appointment").click()
    form = student.get_by_role("form", name=re.compile("what for and where"))
    form.get_by_label("Application").select_option(reference)
    form.get_by_label("What do you come for?").select_option("collect-residence-document")
    form.get_by_label("Desk").select_option("zwolle")
    student.get_by_role("button", name="Show free days").click()
    student.get_by_role("link", name="Tuesday 3 March 2026").click()
    student.get_by_label("09:00").check()
    student.get_by_role("button", name="Continue").click()
    student.get_by_role("button", name="Book this appointment").click()
    expect(student.get_by_text("Your appointment is booked.")).to_be_visible()

    # 4. The next morning the desk identifies her, takes biometrics, hands out the card.
    clock.move_to(datetime.combine(TUESDAY, time(9, 1), tzinfo=AMSTERDAM))
    desk = new_page(browser)
    staff_log_in(desk, live_server, "desk-zwolle")
    desk.goto(f"{live_server.url}/desks/desk")
    desk.get_by_role("link", name=re.compile("Restrepo Gómez")).click()
    desk.get_by_label("Document checked").select_option(index=1)
    desk.get_by_label("The person matches the photo and the details of this document").check()
    desk.get_by_role("button", name="Record the identification").click()
    expect(desk.get_by_text("The applicant is identified.")).to_be_visible()
    # The law's order: biometrics before the card (issue 11).
    expect(desk.get_by_label("Residence card number")).to_have_count(0)
    desk.get_by_role("button", name="Record: biometrics taken").click()
    desk.get_by_label("Residence card number").fill(CARD)
    desk.get_by_role("button", name="Record: residence document handed out").click()
    expect(
        desk.get_by_text("The handing out of the residence document is recorded.")
    ).to_be_visible()

    # The record: a fast-track grant for the whole programme, notified within 2 days.
    application.refresh_from_db()
    decision = Decision.objects.get(application=application)
    assert decision.outcome == Decision.Outcome.GRANT
    assert decision.fast_track is True
    assert decision.notified_on - application.received_on <= timedelta(days=2)
    extra = RuleContext(application).param("study-permit-extra-months")
    assert decision.valid_until == after(PROGRAMME_END, extra) == PERMIT_END
    assert Appointment.objects.get(applicant=application.applicant).card_number == CARD
    actions = set(
        ApplicationEvent.objects.filter(application=application).values_list("action", flat=True)
    )
    assert {
        "sponsor-applied",
        "notify",
        "letter-sent",
        "appointment-booked",
        "applicant-identified",
        "residence-document-issued",
    } <= actions
    assert {"decision-recorded", "propose-decision"} & actions
