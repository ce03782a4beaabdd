"""axe-core finds no accessibility problems on the desks' screens, in both languages
(a measure, not an audit: automated checks find only part of the problems)."""

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from indigo.desks.services import appointment_book
from indigo.desks.tests.conftest import TODAY, TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, desk_employee

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def now():
    # The clock runs here (tick=True): the browser needs time to pass.
    with time_machine.travel(at(TODAY, 8), tick=True) as traveller:
        yield traveller


def log_in(page, live_server, client, user):
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def violations(page, url):
    page.goto(url)
    results = Axe().run(page)
    return results.generate_report() if results.violations_count else ""


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_applicants_screens_have_no_axe_violations(
    page, live_server, client, desk, biometrics, collect, language
):
    user, application = applicant_with_application()
    full = appointment_book(
        actor=user, application=application, desk=desk, appointment_type=collect,
        starts_at=at(TOMORROW, 9),
    )  # fmt: skip
    log_in(page, live_server, client, user)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    query = f"application={application.reference}&appointment_type=biometrics&desk=den-haag"
    urls = [
        f"{reverse('desks:book')}?{query}&day={TOMORROW.isoformat()}",
        f"{reverse('desks:book')}?{query}&day={TOMORROW.isoformat()}&step=time",
        f"{reverse('desks:book-confirm')}?{query}&starts_at=2026-03-03T09:00",
        reverse("desks:my-appointments"),
        reverse("desks:appointment", args=[full.pk]),
        reverse("desks:cancel", args=[full.pk]),
    ]
    problems = {url: violations(page, live_server.url + url) for url in urls}
    # The confirmation, refused because the time filled up meanwhile.
    for _ in range(2):
        other, theirs = applicant_with_application()
        appointment_book(
            actor=other, application=theirs, desk=desk, appointment_type=biometrics,
            starts_at=at(TOMORROW, 9),
        )  # fmt: skip
    page.goto(live_server.url + urls[2])
    page.locator("form.indigo-form button[type=submit]").click()
    page.get_by_role("alert").wait_for()
    report = Axe().run(page)
    problems["full time refused"] = report.generate_report() if report.violations_count else ""

    assert {url: report for url, report in problems.items() if report} == {}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_desk_screens_have_no_axe_violations(
    page, live_server, client, desk, collect, now, language
):
    user, application = applicant_with_application()
    appointment = appointment_book(
        actor=user, application=application, desk=desk, appointment_type=collect,
        starts_at=at(TOMORROW, 9),
    )  # fmt: skip
    now.move_to(at(TOMORROW, 9, 1))
    log_in(page, live_server, client, desk_employee(desk))
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page_url = reverse("desks:desk-appointment", args=[appointment.pk])
    problems = {
        url: violations(page, live_server.url + url)
        for url in (reverse("desks:desk-day"), f"{reverse('desks:desk-day')}?code=XXXX", page_url)
    }
    # The forms with their errors shown.
    page.goto(live_server.url + page_url)
    page.locator("form[action$='/identify'] button[type=submit]").click()
    page.get_by_role("alert").wait_for()
    report = Axe().run(page)
    problems["identify with errors"] = report.generate_report() if report.violations_count else ""

    assert {url: report for url, report in problems.items() if report} == {}
