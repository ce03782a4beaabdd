"""Appeals through the API: after an objection, straight after an asylum decision, the
provisional measure, the judgment that orders a new decision, and the bad input."""

from datetime import date

from indigo.accounts.tests.factories import user_with_role
from indigo.appeals.models import Appeal
from indigo.cases.event_kinds import EventKind
from indigo.cases.models import Application, ApplicationEvent
from indigo.cases.services import application_act
from indigo.decisions.models import Decision
from indigo.decisions.tests.factories import final_decision
from indigo.objections.services import (
    objection_decide,
    objection_hearing_waive,
    objection_register,
)
from indigo.penalties.models import CourtPenalty


def appeals_url(application):
    return f"/api/v1/applications/{application.reference}/appeals"


def lodge(api, application, **extra):
    body = {
        "court": "Rechtbank Den Haag, zittingsplaats Zwolle",
        "case_number": "NL26.1234",
        "lodged_on": "2026-03-02",
    }
    return api.post(appeals_url(application), body | extra, format="json")


def decided_on_objection(application, caseworker):
    objection = objection_register(
        actor=caseworker, application=application, lodged_on=date(2026, 3, 2), grounds="No."
    )
    objection_hearing_waive(actor=caseworker, objection=objection, ground="objector-waived")
    objection_decide(actor=caseworker, objection=objection, outcome="unfounded", reason="Same.")
    application = Application.objects.get(pk=application.pk)
    final_decision(application, caseworker, outcome=Decision.Outcome.REFUSE)
    return application_act(actor=caseworker, application=application, action="notify")


def test_after_the_decision_on_the_objection_the_appeal_is_registered(api, caseworker, refused):
    application = decided_on_objection(refused, caseworker)
    lawyer = user_with_role("caseworker", username="procesvertegenwoordiger")

    response = lodge(
        api, application, hearing_on="2026-05-12", process_representative=lawyer.username
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["court"], body["case_number"], body["hearing_on"]) == (
        "Rechtbank Den Haag, zittingsplaats Zwolle",
        "NL26.1234",
        "2026-05-12",
    )
    assert body["process_representative"] == "procesvertegenwoordiger"
    assert api.get(appeals_url(application)).json()[0]["id"] == body["id"]
    assert ApplicationEvent.objects.filter(
        application=application, action=EventKind.APPEAL_LODGED
    ).exists()


def test_an_asylum_decision_is_appealed_directly(api, asylum_refused):
    assert lodge(api, asylum_refused).status_code == 201


def test_a_regular_decision_must_be_objected_to_before_the_court(api, refused):
    response = lodge(api, refused)

    assert response.status_code == 409
    assert response.json()["code"] == "remedy-is-objection"
    assert not Appeal.objects.exists()


def test_a_court_date_before_the_lodging_date_is_refused_naming_the_field(api, asylum_refused):
    response = lodge(api, asylum_refused, hearing_on="2026-03-01")

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "hearing_on"
    assert not Appeal.objects.exists()


def test_a_provisional_measure_is_requested_and_decided(api, asylum_refused):
    appeal = lodge(api, asylum_refused).json()
    actions = f"{appeals_url(asylum_refused)}/{appeal['id']}/actions"

    api.post(
        f"{actions}/request-provisional-measure", {"requested_on": "2026-03-02"}, format="json"
    )
    decided = api.post(
        f"{actions}/decide-provisional-measure",
        {"outcome": "granted", "decided_on": "2026-03-02"},
        format="json",
    )

    assert decided.status_code == 200, decided.content
    assert (decided.json()["measure_requested_on"], decided.json()["measure_outcome"]) == (
        "2026-03-02",
        "granted",
    )


def test_a_judgment_ordering_a_new_decision_reopens_the_application_with_the_courts_period(
    api, asylum_refused, _on_a_monday
):
    appeal = lodge(api, asylum_refused).json()
    actions = f"{appeals_url(asylum_refused)}/{appeal['id']}/actions"
    _on_a_monday.move_to(date(2026, 4, 1))

    response = api.post(
        f"{actions}/record-judgment",
        {
            "judgment_on": "2026-04-01",
            "outcome": "well-founded",
            "new_decision_by": "2026-05-27",
            "penalty_eur_per_day": "100",
            "penalty_max_eur": "7500",
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    application = Application.objects.get(pk=asylum_refused.pk)
    assert application.status == "assessment"
    assert application.decision_due == date(2026, 5, 27)
    penalty = CourtPenalty.objects.get(application=application)
    assert (penalty.eur_per_day, penalty.max_total_eur) == (100, 7500)
    on = api.get(f"/api/v1/applications/{application.reference}/penalty?on=2026-06-05").json()
    # Asylum: no administrative penalty, but the court's runs from 28 May: 9 days.
    assert on["court"][0]["days"] == 9
    assert on["court"][0]["amount_eur"] == "900.00"
    higher = lodge(
        api, application, level="higher-appeal", court="Raad van State", lodged_on="2026-04-01"
    )
    assert higher.status_code == 201


def test_a_higher_appeal_needs_a_judgment_first(api, asylum_refused):
    response = lodge(api, asylum_refused, level="higher-appeal", court="Raad van State")

    assert response.status_code == 409
    assert response.json()["code"] == "no-judgment"
