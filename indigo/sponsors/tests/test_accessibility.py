"""axe-core finds no accessibility problems on the sponsor portal, in both languages
(a measure, not an audit: automated checks find only part of the problems)."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from indigo.sponsors.tests.conftest import AMSTERDAM
from indigo.sponsors.tests.factories import sponsored_application
from indigo.testing.axe import AxeAudit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BROKEN_FILE = (
    b"product;given_names;surname;date_of_birth;nationality\nstudy;Kofi;Mensah;2000-13-01;Ghana\n"
)


@pytest.fixture(autouse=True)
def _on_a_working_day():
    # The clock runs here (tick=True): the browser needs time to pass.
    with time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=AMSTERDAM), tick=True):
        yield


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_sponsor_screens_have_no_axe_violations(
    page, live_server, client, university, officer, language, tmp_path
):
    application = sponsored_application(
        university,
        actor=officer,
        facts={"programme_name": "MSc", "programme_end_date": "2028-08-31"},
    )
    client.force_login(officer)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )
    urls = [
        reverse("sponsors:dashboard"),
        reverse("sponsors:application-detail", args=[application.reference]),
        reverse("sponsors:apply"),
        reverse("sponsors:upload"),
        reverse("sponsors:report-change", args=[application.reference]),
    ]
    audit = AxeAudit(page)
    for url in urls:
        audit.visit(live_server.url + url, name=url)
    # The forms with their errors shown, and the results of an upload.
    page.goto(live_server.url + reverse("sponsors:apply"))
    page.locator("form.indigo-form button[type=submit]").click()
    assert page.locator(".indigo-error-summary").is_visible()
    audit.check("apply with errors")
    broken = tmp_path / "students.csv"
    broken.write_bytes(BROKEN_FILE)
    page.goto(live_server.url + reverse("sponsors:upload"))
    page.set_input_files("#id_csv_file", str(broken))
    page.locator("form.indigo-form button[type=submit]").click()
    assert page.locator("#results-heading").is_visible()
    audit.check("upload results")

    assert len(audit.pages) == 7
    assert audit.found == {}
