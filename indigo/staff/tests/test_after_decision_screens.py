"""Objection → hearing → new decision → appeal through the staff screens; complaints."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indigo.accounts.tests.factories import user_with_role
from indigo.appeals.models import Appeal
from indigo.cases.models import Application
from indigo.cases.services import application_act
from indigo.cases.tests.factories import make_application
from indigo.complaints.models import Complaint
from indigo.decisions.letters import letter_html
from indigo.decisions.models import Decision
from indigo.decisions.tests.factories import final_decision
from indigo.dossier.tests.files import tiny_pdf
from indigo.objections.models import Objection
from indigo.penalties.tests.helpers import decide

pytestmark = pytest.mark.usefixtures("catalog")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def _monday():
    with time_machine.travel(datetime(2026, 3, 2, 10, tzinfo=AMSTERDAM), tick=False) as t:
        yield t


@pytest.fixture
def caseworker(client):
    user = user_with_role("caseworker", username="anna")
    client.force_login(user)
    return user


def post(client, name, reference, action, data):
    return client.post(reverse(name, args=[reference, action]), data, follow=True)


def test_objection_hearing_new_decision_and_appeal_through_the_screens(client, caseworker, _monday):
    refused = decide(
        make_application(product="study", actor=caseworker),
        actor=caseworker,
        outcome=Decision.Outcome.REFUSE,
    )
    ref = refused.reference

    page = client.get(reverse("staff:objections", args=[ref])).content.decode()
    assert "Register an objection" in page
    response = post(
        client,
        "staff:objection-act",
        ref,
        "register",
        {
            "lodged_on": "2026-03-02",
            "grounds": "My admission letter was overlooked.",
            "by": "representative",
            "representative": "Mr. J. de Vries",
            "authorisation": "Signed authorisation of 1 March 2026",
        },
    )
    assert "Saved." in response.content.decode()
    assert "11 May 2026" in response.content.decode()  # decision due (Awb 7:10)
    post(client, "staff:objection-act", ref, "schedule-hearing", {"hearing_on": "2026-03-20"})
    _monday.move_to(datetime(2026, 3, 20, 10, tzinfo=AMSTERDAM))
    client.force_login(caseworker)
    minutes = SimpleUploadedFile("minutes.pdf", tiny_pdf(), content_type="application/pdf")
    response = post(
        client,
        "staff:objection-act",
        ref,
        "record-hearing",
        {"held_on": "2026-03-20", "minutes": minutes},
    )
    assert "minutes in the dossier" in response.content.decode()
    post(
        client,
        "staff:objection-act",
        ref,
        "decide",
        {"outcome": "well-founded", "reason": "The admission letter shows the programme."},
    )
    application = Application.objects.get(pk=refused.pk)
    assert application.status == "decision"
    assert Objection.objects.get().outcome == "well-founded"

    decision = final_decision(application, caseworker, outcome=Decision.Outcome.GRANT)
    application_act(actor=caseworker, application=application, action="notify")
    letter = letter_html(decision, notified_on=date(2026, 3, 20))
    assert "Appeal within" in letter and "court" in letter  # the remedy of issue 10

    response = post(
        client,
        "staff:appeal-act",
        ref,
        "register",
        {
            "level": "appeal",
            "court": "Rechtbank Den Haag",
            "case_number": "NL26.555",
            "lodged_on": "2026-03-20",
            "hearing_on": "2026-05-12",
            "process_representative": caseworker.pk,
        },
    )
    assert "Saved." in response.content.decode()
    appeal = Appeal.objects.get()
    assert (appeal.case_number, appeal.process_representative) == ("NL26.555", caseworker)


def test_a_court_date_before_the_lodging_date_is_a_form_error(client, caseworker):
    refused = decide(
        make_application(product="asylum", actor=caseworker),
        actor=caseworker,
        outcome=Decision.Outcome.REFUSE,
    )

    response = client.post(
        reverse("staff:appeal-act", args=[refused.reference, "register"]),
        {
            "level": "appeal",
            "court": "Rechtbank Den Haag",
            "lodged_on": "2026-03-02",
            "hearing_on": "2026-03-01",
        },
    )

    assert response.status_code == 400
    assert "cannot be before the appeal was lodged" in response.content.decode()
    assert not Appeal.objects.exists()


def test_the_objection_screen_says_the_remedy_is_appeal_for_asylum(client, caseworker):
    refused = decide(
        make_application(product="asylum", actor=caseworker),
        actor=caseworker,
        outcome=Decision.Outcome.REFUSE,
    )

    page = client.get(reverse("staff:objections", args=[refused.reference])).content.decode()

    assert "appeal to the court, not an objection" in page
    assert "Register an objection" not in page


def test_a_contact_centre_complaint_about_handling_time_shows_on_the_application(
    client, caseworker
):
    application = make_application(product="study", actor=caseworker)

    response = client.post(
        reverse("staff:complaint-new"),
        {
            "channel": "contact-centre",
            "received_on": "2026-03-02",
            "category": "handling-time",
            "description": "Waiting too long.",
            "application_reference": application.reference,
            "complainant_name": "Valentina Restrepo Gómez",
            "phone": "+31 6 12345678",
        },
        follow=True,
    )

    assert "registered; its receipt is confirmed in writing" in response.content.decode()
    detail = client.get(reverse("staff:application-detail", args=[application.reference]))
    assert "open complaint about the handling time" in detail.content.decode()
    complaints = client.get(reverse("staff:complaints")).content.decode()
    assert Complaint.objects.get().number in complaints


def test_a_complaint_without_a_way_to_answer_is_a_form_error_and_not_saved(client, caseworker):
    response = client.post(
        reverse("staff:complaint-new"),
        {
            "channel": "desk",
            "received_on": "2026-03-02",
            "category": "treatment",
            "description": "Rude.",
            "complainant_name": "A. Person",
        },
    )

    assert response.status_code == 400
    assert "at least one way to answer" in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_complaint_is_answered_through_the_screen(client, caseworker):
    response = client.post(
        reverse("staff:complaint-new"),
        {
            "channel": "post",
            "received_on": "2026-03-02",
            "category": "information",
            "description": "Wrong information.",
            "complainant_name": "A. Person",
            "postal_address": "Dorpsstraat 1, Zwolle",
        },
    )
    complaint = Complaint.objects.get()
    act = lambda action, data: client.post(  # noqa: E731
        reverse("staff:complaint-act", args=[complaint.pk, action]), data, follow=True
    )

    act("hearing", {"hearing": "declined"})
    response = act("answer", {"outcome": "partly-well-founded", "answer": "We corrected it."})

    assert response.status_code == 200
    complaint.refresh_from_db()
    assert (complaint.outcome, complaint.answered_on) == ("partly-well-founded", date(2026, 3, 2))
