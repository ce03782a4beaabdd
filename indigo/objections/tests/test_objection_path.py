"""Objection → hearing → new decision → appeal, through the API; and the bad input."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Application, ApplicationEvent
from indigo.cases.services import application_act
from indigo.decisions.letters import letter_html
from indigo.decisions.models import Decision
from indigo.decisions.tests.factories import final_decision
from indigo.dossier.models import Document
from indigo.dossier.tests.files import tiny_pdf
from indigo.objections.models import Objection


def objections_url(application):
    return f"/api/v1/applications/{application.reference}/objections"


def lodge(api, application, **extra):
    body = {"lodged_on": "2026-03-02", "grounds": "My admission letter was overlooked."}
    return api.post(objections_url(application), body | extra, format="json")


def test_the_objection_path_ends_in_a_new_decision_whose_letter_points_to_the_court(
    api, caseworker, refused, _on_a_monday
):
    response = lodge(api, refused)
    assert response.status_code == 201, response.content
    objection = response.json()
    assert (objection["late"], objection["admissibility"]) == (False, "")
    # 4 weeks to object (Vw 2000 art. 69(1)) end on 30 March; then 6 weeks (Awb 7:10).
    assert objection["objection_period_ends"] == "2026-03-30"
    assert objection["decision_due"] == "2026-05-11"
    assert Application.objects.get(pk=refused.pk).decision_due == date(2026, 5, 11)
    actions = f"{objections_url(refused)}/{objection['id']}/actions"

    scheduled = api.post(f"{actions}/schedule-hearing", {"hearing_on": "2026-03-20"}, format="json")
    assert scheduled.json()["hearing_on"] == "2026-03-20"
    _on_a_monday.move_to(date(2026, 3, 20))
    minutes = SimpleUploadedFile("minutes.pdf", tiny_pdf(), content_type="application/pdf")
    held = api.post(
        f"{actions}/record-hearing",
        {"held_on": "2026-03-20", "minutes": minutes},
        format="multipart",
    )
    assert held.status_code == 200, held.content
    assert Document.objects.get(pk=held.json()["minutes_document"]).document_type.code == (
        "hearing-minutes"
    )
    decided = api.post(
        f"{actions}/decide",
        {"outcome": "well-founded", "reason": "The admission letter shows the programme."},
        format="json",
    )
    assert decided.json()["outcome"] == "well-founded"
    application = Application.objects.get(pk=refused.pk)
    assert application.status == "decision"

    decision = final_decision(application, caseworker, outcome=Decision.Outcome.GRANT)
    application_act(actor=caseworker, application=application, action="notify")

    letter = letter_html(decision, notified_on=date(2026, 3, 20))
    assert "Appeal within" in letter and "court" in letter  # the remedy of issue 10
    assert "send us an objection" not in letter
    kinds = list(
        ApplicationEvent.objects.filter(application=refused).values_list("action", flat=True)
    )
    for kind in (
        EventKind.OBJECTION_LODGED,
        EventKind.OBJECTION_REGISTERED,
        EventKind.OBJECTION_HEARING_SCHEDULED,
        EventKind.OBJECTION_HEARING_HELD,
        EventKind.OBJECTION_OUTCOME,
        EventKind.OBJECTION_DECIDED,
    ):
        assert kind in kinds
    again = lodge(api, application)
    assert again.status_code == 409
    assert again.json()["code"] == "remedy-is-appeal"


def test_a_late_objection_is_registered_and_flagged_for_admissibility(api, refused, _on_a_monday):
    _on_a_monday.move_to(date(2026, 4, 15))

    response = lodge(api, refused, lodged_on="2026-04-15")

    assert response.status_code == 201
    assert (response.json()["late"], response.json()["admissibility"]) == (True, "to-decide")
    assert Objection.objects.get().late


def test_an_objection_on_an_asylum_decision_is_refused_because_the_remedy_is_appeal(
    api, asylum_refused
):
    response = lodge(api, asylum_refused)

    assert response.status_code == 409
    assert response.json()["code"] == "remedy-is-appeal"
    assert not Objection.objects.exists()


def test_an_objection_without_a_decision_is_refused(api, caseworker):
    from indigo.cases.tests.factories import make_application

    application = make_application(product="study", actor=caseworker)

    response = lodge(api, application)

    assert response.status_code == 409
    assert response.json()["code"] == "no-decision"
    assert Application.objects.get(pk=application.pk).status == "received"


def test_a_representative_needs_a_recorded_authorisation(api, refused):
    response = lodge(api, refused, by="representative", representative="Mr. J. de Vries")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "authorisation"
    assert Application.objects.get(pk=refused.pk).status == "notified"

    ok = lodge(
        api,
        refused,
        by="representative",
        representative="Mr. J. de Vries",
        authorisation="Signed authorisation of 1 March 2026",
    )
    assert ok.status_code == 201
    assert ok.json()["authorisation"] == "Signed authorisation of 1 March 2026"


def test_deciding_without_a_hearing_is_refused_unless_it_was_waived(api, refused):
    objection = lodge(api, refused).json()
    actions = f"{objections_url(refused)}/{objection['id']}/actions"
    body = {"outcome": "unfounded", "reason": "Nothing new."}

    refused_outcome = api.post(f"{actions}/decide", body, format="json")
    waived = api.post(f"{actions}/waive-hearing", {"ground": "objector-waived"}, format="json")
    decided = api.post(f"{actions}/decide", body, format="json")

    assert refused_outcome.status_code == 409
    assert refused_outcome.json()["code"] == "hearing-required"
    assert waived.json()["hearing_waived"] == "objector-waived"
    assert decided.json()["outcome"] == "unfounded"


def test_an_adjournment_adds_six_weeks_once_and_more_only_with_consent(api, refused):
    objection = lodge(api, refused).json()
    actions = f"{objections_url(refused)}/{objection['id']}/actions"

    first = api.post(f"{actions}/adjourn", {"reason": "Advice needed."}, format="json")
    second = api.post(f"{actions}/adjourn", {"reason": "Still waiting."}, format="json")
    agreed = api.post(
        f"{actions}/adjourn", {"reason": "Agreed by phone.", "agreed_extra_weeks": 2}, format="json"
    )

    assert first.json()["decision_due"] == "2026-06-22"  # 11 May + 6 weeks
    assert second.status_code == 409
    assert agreed.json()["decision_due"] == "2026-07-06"
    assert Application.objects.get(pk=refused.pk).decision_due == date(2026, 7, 6)


def test_an_advisory_committee_gives_twelve_weeks(api, refused):
    objection = lodge(api, refused, advisory_committee=True).json()

    assert objection["decision_due"] == (date(2026, 3, 30) + timedelta(weeks=12)).isoformat()


def test_a_hearing_before_the_objection_is_refused_naming_the_field(api, refused):
    objection = lodge(api, refused).json()
    actions = f"{objections_url(refused)}/{objection['id']}/actions"

    response = api.post(f"{actions}/schedule-hearing", {"hearing_on": "2026-01-01"}, format="json")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "hearing_on"


@pytest.mark.parametrize("step", ["lodge-objection", "decide-objection", "order-new-decision"])
def test_the_generic_step_door_refuses_what_has_its_own_page(step):
    """One rule whatever the door: the API's and the screens' generic step."""
    from indigo.cases.services import generic_step_check
    from indigo.errors import Conflict

    with pytest.raises(Conflict) as refused:
        generic_step_check(step)
    assert refused.value.code == "use-its-own-page"
