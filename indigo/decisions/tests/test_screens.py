"""The decision panel on the staff application page: findings, decision, approval,
fast track and letter, with accessible forms."""

import pytest
from django.urls import reverse

from indigo.cases.models import Status
from indigo.decisions.services import decision_record


@pytest.fixture
def page(client):
    def open_as(user, application):
        client.force_login(user)
        response = client.get(reverse("staff:application-detail", args=[application.reference]))
        assert response.status_code == 200
        return response.content.decode()

    return open_as


def post(client, user, name, application, data=None):
    client.force_login(user)
    return client.post(reverse(name, args=[application.reference]), data or {}, follow=True)


def test_the_findings_panel_explains_each_condition_with_facts_sources_and_law(
    page, student, caseworker
):
    html = page(caseworker, student())

    assert "Findings" in html
    assert "Proposal:" in html and "Grant: every condition is met" in html
    assert "The applicant is admitted to the programme MSc Water Management." in html
    assert "the sponsor" in html  # where the fact came from
    # The legal basis as cited, never the internal research note.
    assert "Aliens Decree 2000 (Vreemdelingenbesluit 2000), chapter 3" in html
    assert "UNVERIFIED" not in html


def test_a_refusal_without_motivation_shows_the_error_at_the_field(client, student, caseworker):
    application = student()

    response = post(client, caseworker, "staff:decision-record", application, {"outcome": "refuse"})
    html = response.content.decode()

    assert 'id="id_motivation_error"' in html
    assert 'aria-describedby="id_motivation_helptext id_motivation_error"' in html
    assert 'href="#id_motivation"' in html  # the error summary links to the field
    assert "A refusal needs a written motivation" in html
    assert not application.decisions.exists()


def test_the_form_records_a_refusal_that_a_colleague_then_approves(
    client, student, caseworker, colleague
):
    application = student(admitted_to_programme=False)
    post(
        client,
        caseworker,
        "staff:decision-record",
        application,
        {"outcome": "refuse", "motivation": "Not admitted to the programme."},
    )
    decision = application.decisions.get()

    html = post(
        client, colleague, "staff:decision-approve", application, {"decision": decision.pk}
    ).content.decode()

    decision.refresh_from_db()
    assert decision.approved_by == colleague
    assert "You approved the refusal" in html


def test_approving_your_own_refusal_on_the_page_says_why_not(client, student, caseworker):
    application = student(admitted_to_programme=False)
    decision = decision_record(
        actor=caseworker, application=application, outcome="refuse", motivation="Not admitted."
    )

    html = post(
        client, caseworker, "staff:decision-approve", application, {"decision": decision.pk}
    ).content.decode()

    assert "You made this refusal yourself" in html
    assert "Approve this refusal" not in html  # the button is only for a second caseworker


def test_the_fast_track_button_grants_notifies_and_links_the_letter(
    client, page, student, caseworker, deliver_outbox
):
    application = student()
    assert "Grant on the fast track" in page(caseworker, application)

    html = post(client, caseworker, "staff:decision-fast-track", application).content.decode()

    application.refresh_from_db()
    assert application.status == Status.NOTIFIED
    assert "The letter is being prepared" in html
    deliver_outbox()  # the worker renders the letter after the commit
    assert "The letter in the dossier (PDF)" in page(caseworker, application)
    pdf = client.get(reverse("staff:decision-letter-pdf", args=[application.reference]))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")


def test_the_letter_preview_is_in_the_applicants_language(client, student, caseworker):
    application = student(language="nl")
    decision_record(actor=caseworker, application=application, outcome="grant")
    client.force_login(caseworker)

    html = client.get(
        reverse("staff:decision-letter", args=[application.reference])
    ).content.decode()

    assert '<html lang="nl">' in html
    assert "Preview" not in html and "Voorbeeld" in html


def test_a_fact_recorded_on_the_page_updates_the_findings(client, student, caseworker):
    application = student(criminal_record=True)

    html = post(
        client,
        caseworker,
        "staff:fact-record",
        application,
        {
            "name": "criminal_record",
            "value": "false",
            "source": "partner",
            "source_detail": "Justid",
        },
    ).content.decode()

    assert "The fact is recorded" in html
    assert "Grant: every condition is met" in html


def test_the_service_norm_stands_beside_the_legal_deadline(page, student, caseworker):
    html = page(caseworker, student())

    assert html.index("Legal deadline") < html.index("Service norm")
    assert "17 August 2026" in html


def test_the_panel_is_in_dutch_when_dutch_is_chosen(client, student, caseworker):
    application = student()
    client.force_login(caseworker)
    client.post(reverse("set_language"), {"language": "nl"})

    html = client.get(
        reverse("staff:application-detail", args=[application.reference])
    ).content.decode()

    assert "Bevindingen" in html and "Servicenorm" in html
    assert "Toelating tot de opleiding" in html
    assert "De aanvrager is toegelaten tot de opleiding MSc Water Management." in html
    assert "Inwilligen: aan alle voorwaarden is voldaan" in html
    assert "Inwilligen via de snelle route" in html


def test_a_fact_value_of_the_wrong_kind_is_refused_at_the_field(client, student, caseworker):
    application = student()

    html = post(
        client,
        caseworker,
        "staff:fact-record",
        application,
        {"name": "criminal_record", "value": "maybe", "source": "partner"},
    ).content.decode()

    assert 'id="id_value_error"' in html
    assert 'href="#id_value_0"' in html  # the error summary links to the first radio
    assert "Choose yes or no." in html


def test_the_fact_picker_offers_only_the_facts_of_the_product(client, student, caseworker):
    application = student()
    client.force_login(caseworker)
    url = reverse("staff:application-detail", args=[application.reference])

    picker = client.get(url).content.decode()

    assert 'value="programme_end_date"' in picker
    assert 'value="protection_need"' not in picker  # asylum's, not study's


@pytest.mark.parametrize(
    ("fact", "control"),
    [
        ("criminal_record", 'type="radio"'),
        ("programme_end_date", 'type="date"'),
        ("monthly_means", 'step="0.01"'),
    ],
)
def test_a_chosen_fact_is_asked_with_the_control_of_its_kind(
    client, student, caseworker, fact, control
):
    application = student()
    client.force_login(caseworker)
    url = reverse("staff:application-detail", args=[application.reference])

    html = client.get(url, {"fact": fact}).content.decode()

    assert control in html and f'name="name" value="{fact}"' in html


def test_a_typed_fact_is_recorded_as_its_kind(client, student, caseworker):
    from indigo.rules.models import Fact

    application = student()
    post(
        client,
        caseworker,
        "staff:fact-record",
        application,
        {"name": "monthly_means", "value": "1100.50", "source": "caseworker"},
    )

    assert Fact.objects.get(application=application, name="monthly_means").value == "1100.50"
