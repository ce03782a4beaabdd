"""An ended session: a clear message, log in again, nothing lost, nothing leaked."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from indigo.portal.models import Draft
from indigo.portal.tests.helpers import FAMILY_PARTNER_ANSWERS, PERSONAL, step_url

pytestmark = pytest.mark.usefixtures("catalog")

PRODUCT = "family-partner"
ENDED = "Your session has ended"
NOTHING_LOST = "Nothing you entered was lost."


def log_in(client, username="valentina", next_path=""):
    return client.post(
        reverse("portal:login"), {"username": username, "email": "", "next": next_path}
    )


def idle(traveller, minutes=None):
    traveller.shift(timedelta(minutes=(minutes or settings.INDIGO_PORTAL_IDLE_MINUTES) + 1))


def test_after_the_idle_time_the_applicant_is_told_the_session_ended(client, person, on_a_monday):
    log_in(client)
    client.post(step_url(PRODUCT, "personal"), PERSONAL)
    idle(on_a_monday)

    response = client.get(step_url(PRODUCT, "questions"), follow=True)

    html = response.content.decode()
    assert ENDED in html
    assert NOTHING_LOST in html
    assert "_auth_user_id" not in client.session


def test_activity_within_the_idle_time_keeps_the_session(client, person, on_a_monday):
    log_in(client)
    for _ in range(3):
        idle(on_a_monday, minutes=settings.INDIGO_PORTAL_IDLE_MINUTES - 2)
        assert client.get(reverse("portal:home")).status_code == 200


def test_the_draft_survives_an_ended_session(client, person, on_a_monday):
    log_in(client)
    client.post(step_url(PRODUCT, "personal"), PERSONAL)
    idle(on_a_monday)
    client.get(step_url(PRODUCT, "questions"))

    log_in(client)
    response = client.get(reverse("portal:apply", args=[PRODUCT]))

    assert response["Location"] == step_url(PRODUCT, "questions")
    assert Draft.objects.get(user=person).answers["personal"]["surname"] == "Restrepo Gómez"


def test_what_was_being_sent_when_the_session_ended_is_put_back(client, person, on_a_monday):
    log_in(client)
    client.post(step_url(PRODUCT, "personal"), PERSONAL)
    idle(on_a_monday)

    sent = client.post(step_url(PRODUCT, "questions"), FAMILY_PARTNER_ANSWERS)
    assert sent["Location"].startswith(reverse("portal:login"))
    assert "questions" not in Draft.objects.get(user=person).completed_steps

    login = log_in(client, next_path=step_url(PRODUCT, "questions"))
    assert login["Location"] == step_url(PRODUCT, "questions")
    form = client.get(login["Location"]).content.decode()

    assert "We kept what you entered before your session ended." in form
    assert 'value="AB1234567"' in form
    assert 'value="999993653"' in form


def test_what_was_being_sent_is_never_shown_to_someone_else(client, person, on_a_monday):
    log_in(client)
    client.post(step_url(PRODUCT, "personal"), PERSONAL)
    idle(on_a_monday)
    client.post(step_url(PRODUCT, "questions"), FAMILY_PARTNER_ANSWERS)

    log_in(client, username="someone-else")
    client.post(step_url(PRODUCT, "personal"), PERSONAL)
    form = client.get(step_url(PRODUCT, "questions")).content.decode()

    assert "AB1234567" not in form


def test_a_session_removed_on_the_server_also_reads_as_ended(client, person, on_a_monday):
    log_in(client)
    Session.objects.all().delete()

    response = client.get(reverse("portal:home"), follow=True)

    assert ENDED in response.content.decode()


def test_a_first_visit_gets_the_plain_login_page(client, db):
    response = client.get(reverse("portal:home"), follow=True)

    html = response.content.decode()
    assert "Log in to My IND" in html
    assert ENDED not in html


def test_the_session_ended_message_is_in_dutch_under_dutch(client, person, on_a_monday):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    log_in(client)
    idle(on_a_monday)

    html = client.get(reverse("portal:home"), follow=True).content.decode()

    assert "Uw sessie is afgelopen" in html
    assert "Wat u hebt ingevuld, is bewaard." in html
