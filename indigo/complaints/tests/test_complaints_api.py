"""Complaints (Awb chapter 9) through the API."""

from datetime import date

import pytest
from django.core import mail
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.event_kinds import EventKind
from indigo.cases.models import ApplicationEvent
from indigo.cases.tests.factories import make_application
from indigo.complaints.models import Complaint, ComplaintEvent
from indigo.complaints.periods import periods_on
from indigo.complaints.selectors import complaint_counts, handling_time_complaints_of

BODY = {
    "category": "handling-time",
    "description": "I have been waiting for four months.",
    "complainant_name": "Valentina Restrepo Gómez",
    "email": "valentina@example.org",
    "language": "en",
}


def test_the_periods_are_six_weeks_ten_with_a_committee_and_one_extension_of_four():
    rules = periods_on(date(2026, 3, 2))

    assert (rules.answer_weeks, rules.answer_weeks_committee, rules.extension_weeks) == (6, 10, 4)
    assert "9:11" in rules.source


def test_a_complaint_is_lodged_acknowledged_in_writing_and_due_in_six_weeks(
    api, caseworker, deliver_outbox
):
    application = make_application(product="study", actor=caseworker)

    response = api.post(
        "/api/v1/complaints", BODY | {"application": application.reference}, format="json"
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["received_on"], body["acknowledged_on"]) == ("2026-03-02", "2026-03-02")
    assert body["answer_due"] == "2026-04-13"  # 2 March + 6 weeks
    assert body["application"] == application.reference
    deliver_outbox()
    assert mail.outbox[-1].subject == f"We received your complaint K-{body['id']}"
    assert "13 April 2026" in mail.outbox[-1].body
    assert ApplicationEvent.objects.filter(
        application=application, action=EventKind.COMPLAINT_LODGED
    ).exists()
    assert list(handling_time_complaints_of(application=application)) == [Complaint.objects.get()]


def test_a_complaint_without_any_way_to_answer_is_refused_naming_the_field(api):
    response = api.post("/api/v1/complaints", BODY | {"email": ""}, format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "email"
    assert not Complaint.objects.exists()


def test_an_unknown_category_is_refused(api):
    response = api.post("/api/v1/complaints", BODY | {"category": "food"}, format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "category"


def test_an_applicant_sees_their_own_complaint_and_not_anothers(api):
    own = APIClient()
    applicant = user_with_role("applicant")
    own.force_authenticate(applicant)
    mine = own.post("/api/v1/complaints", BODY, format="json").json()
    theirs = api.post("/api/v1/complaints", BODY, format="json").json()

    assert own.get(f"/api/v1/complaints/{mine['id']}").status_code == 200
    assert own.get(f"/api/v1/complaints/{theirs['id']}").status_code == 404


def test_handling_a_complaint_assign_hear_extend_answer(api, caseworker, deliver_outbox):
    complaint = api.post("/api/v1/complaints", BODY, format="json").json()
    actions = f"/api/v1/complaints/{complaint['id']}/actions"
    handler = user_with_role("caseworker", username="klachtbehandelaar")

    early = api.post(f"{actions}/answer", {"outcome": "unfounded", "answer": "No."}, format="json")
    assigned = api.post(f"{actions}/assign", {"handler": handler.username}, format="json")
    heard = api.post(f"{actions}/hearing", {"hearing": "held"}, format="json")
    extended = api.post(f"{actions}/extend", {"reason": "Waiting for the unit."}, format="json")
    twice = api.post(f"{actions}/extend", {"reason": "Again."}, format="json")
    answered = api.post(
        f"{actions}/answer",
        {"outcome": "well-founded", "answer": "You are right; we apologise."},
        format="json",
    )

    assert early.status_code == 409 and early.json()["code"] == "hearing-not-offered"
    assert assigned.json()["handler"] == "klachtbehandelaar"
    assert heard.json()["hearing"] == "held"
    assert extended.json()["answer_due"] == "2026-05-11"  # + 4 weeks
    assert twice.status_code == 409
    assert answered.json()["outcome"] == "well-founded"
    kinds = list(ComplaintEvent.objects.values_list("kind", flat=True))
    assert kinds == ["lodged", "acknowledged", "assigned", "hearing", "extended", "answered"]
    deliver_outbox()
    assert mail.outbox[-1].body.strip() == "You are right; we apologise."
    counts = complaint_counts(start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert counts["received"] == 1 and counts["answered_in_time"] == 1
    assert counts["per_category"] == {"handling-time": 1}


@pytest.mark.parametrize("channel", ["contact-centre", "desk", "post"])
def test_an_applicant_cannot_claim_a_staff_channel(channel):
    client = APIClient()
    client.force_authenticate(user_with_role("applicant"))

    response = client.post("/api/v1/complaints", BODY | {"channel": channel}, format="json")

    assert response.status_code == 403
