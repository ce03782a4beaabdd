"""The survey after a decision (once per decision) and the staff pulse; the three goals."""

from datetime import date

import pytest
from django.core import mail

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import EventKind as K
from indigo.errors import Conflict, InvalidInput
from indigo.outbox.models import Message
from indigo.quality.measures.base import MeasureQuery
from indigo.quality.models import Survey
from indigo.quality.satisfaction import pulse_answer, survey_answer
from indigo.quality.selectors import measures_answer
from indigo.quality.tests.conftest import TODAY, record

pytestmark = pytest.mark.django_db
AUGUST = MeasureQuery(date_from=date(2026, 8, 1), date_to=date(2026, 8, 31))


@pytest.fixture
def decided(apply):
    """An applicant with a portal account and an e-mail address, whose letter was sent."""
    account = user_with_role("applicant", email="valentina@example.org")

    def make():
        application = apply(date(2026, 6, 1))
        application.applicant.user = account
        application.applicant.save(update_fields=["user"])
        record(application, K.NOTIFIED, TODAY, decision_due="2026-08-30")
        record(application, K.LETTER_SENT, TODAY, decision=1, outcome="grant")
        return application

    return make


def test_a_decision_letter_invites_once_with_a_link_and_no_personal_data(
    decided, deliver_outbox, today
):
    application = decided()
    survey = Survey.objects.get(application=application)
    assert Message.objects.filter(topic="quality.survey-email").count() == 1
    deliver_outbox()
    assert not [m for m in mail.outbox if "How did we do" in m.subject]  # not yet
    today.shift(3 * 86400)
    deliver_outbox()
    invitation = [m for m in mail.outbox if "How did we do" in m.subject]
    assert len(invitation) == 1
    body = invitation[0].body
    assert f"/portal/survey/{survey.token}" in body
    assert application.reference not in body
    assert application.applicant.surname not in body


def test_a_survey_answered_twice_is_refused(decided):
    survey = Survey.objects.get(application=decided())
    survey_answer(token=survey.token, score=4, comment="Quick and clear.")
    with pytest.raises(Conflict, match="already answered"):
        survey_answer(token=survey.token, score=1)
    survey.refresh_from_db()
    assert survey.score == 4


@pytest.mark.parametrize("score", [0, 6, "", "five", None])
def test_a_score_outside_1_to_5_is_refused(decided, score):
    survey = Survey.objects.get(application=decided())
    with pytest.raises(InvalidInput) as refused:
        survey_answer(token=survey.token, score=score)
    assert refused.value.field == "score"


def test_the_portal_survey_page_from_the_link(client, decided):
    survey = Survey.objects.get(application=decided())
    assert client.get(f"/portal/survey/{survey.token}").status_code == 200
    response = client.post(f"/portal/survey/{survey.token}", {"score": "5", "comment": ""})
    assert response.status_code == 200
    assert "Thank you for your answer" in response.content.decode()
    again = client.post(f"/portal/survey/{survey.token}", {"score": "1"})
    assert again.status_code == 409
    assert "already answered" in again.content.decode()
    assert client.get("/portal/survey/not-a-token").status_code == 404


def test_customer_and_employee_satisfaction_by_hand(decided, clerk, unit):
    for score in (5, 3):
        survey_answer(token=Survey.objects.get(application=decided()).token, score=score)
    colleagues = [clerk] + [user_with_role("caseworker", units=[unit]) for _ in range(4)]
    for user, score in zip(colleagues, (5, 4, 4, 3, 2), strict=True):
        pulse_answer(actor=user, score=score)
    figures = measures_answer(AUGUST)["groups"][""]
    assert figures["customer_satisfaction"] == 4.0
    assert figures["customer_surveys_answered"] == 2
    assert figures["employee_satisfaction"] == 3.6
    assert figures["employee_pulses_answered"] == 5


def test_the_pulse_is_hidden_below_five_answers_and_once_a_week(clerk):
    pulse_answer(actor=clerk, score=5)
    with pytest.raises(Conflict):
        pulse_answer(actor=clerk, score=1)
    figures = measures_answer(AUGUST)["groups"][""]
    assert figures["employee_pulses_answered"] == 1
    assert figures["employee_satisfaction"] is None


def test_the_dashboard_shows_the_three_goals_side_by_side(client, decided):
    survey_answer(token=Survey.objects.get(application=decided()).token, score=4)
    client.force_login(user_with_role("admin"))
    html = client.get("/quality/", {"from": "2026-08-01", "to": "2026-08-31"}).content.decode()
    for goal in ("goal-customer", "goal-employee", "goal-principal"):
        assert f'id="{goal}"' in html
    assert "Satisfied principal: timeliness and cost" in html
