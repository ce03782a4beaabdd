"""axe-core finds no accessibility problems on the desks' screens, in both languages
(a measure, not an audit: automated checks find only part of the problems)."""

import pytest
import time_machine
from django.urls import reverse

from indigo.desks.services import appointment_book
from indigo.desks.tests.conftest import TODAY, TOMORROW, at
from indigo.desks.tests.factories import applicant_with_application, desk_employee
from indigo.testing.axe import AxeAudit

# The desks' forms show their errors on the page itself, answering 200.
STATUS_OF_REFUSED_FORM = 200

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
    audit = AxeAudit(page)
    for url in urls:
        audit.visit(live_server.url + url, name=url)
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
    audit.check("full time refused", status=STATUS_OF_REFUSED_FORM)

    assert len(audit.pages) == len(urls) + 1
    assert audit.found == {}


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
    audit = AxeAudit(page)
    for url in (reverse("desks:desk-day"), f"{reverse('desks:desk-day')}?code=XXXX", page_url):
        audit.visit(live_server.url + url, name=url)
    # The forms with their errors shown.
    page.goto(live_server.url + page_url)
    page.locator("form[action$='/identify'] button[type=submit]").click()
    page.get_by_role("alert").wait_for()
    audit.check("identify with errors", status=STATUS_OF_REFUSED_FORM)

    assert len(audit.pages) == 4
    assert audit.found == {}
