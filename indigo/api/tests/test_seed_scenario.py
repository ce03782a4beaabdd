"""The seed's student from the sponsor's bulk upload to her residence card, through the
API alone: every step below is an HTTP call a client would make. Only the set-up (the
people, their units, the desk) and the worker that delivers the letter are not."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from indigo.accounts.tests.factories import make_unit, user_with_role
from indigo.api.tests.conftest import client_as
from indigo.desks.tests.factories import desk_employee, make_desk, make_type
from indigo.rules.services import ensure_parameters
from indigo.sponsors.tests.factories import make_sponsor, make_sponsor_user

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2026, 8, 31)
TUESDAY = date(2026, 9, 1)

CSV = (
    "product;given_names;surname;date_of_birth;nationality;authorisation_given_on;"
    "authorisation_how;vouch;programme_name;programme_end_date;admitted_to_programme\n"
    "study;Valentina;Restrepo Gómez;2001-03-14;COL;2026-08-20;signed form;ja;"
    "MSc Water Management;2028-08-31;yes\n"
)


@pytest.fixture
def clock_():
    with time_machine.travel(datetime.combine(MONDAY, time(10), tzinfo=AMSTERDAM), tick=False) as t:
        yield t


@pytest.fixture
def people(catalog, clock_):
    ensure_parameters()
    university = make_sponsor("Universiteit van Zwolle", categories=["study"])
    unit = make_unit("economic-zwolle", processes=["regular-economic"])
    collect = make_type("collect-residence-document", minutes=10, biometrics=True, document=True)
    desk = make_desk("zwolle", city="Zwolle", seats={collect: 1})
    return {
        "sponsor": client_as(make_sponsor_user(university)),
        "caseworker": client_as(user_with_role("caseworker", units=[unit])),
        "desk": client_as(desk_employee(desk)),
    }


def ok(response, status=200):
    assert response.status_code == status, response.content
    return response.json() if response.content else None


def test_the_seed_student_from_bulk_upload_to_card_through_the_api_alone(
    people, clock_, deliver_outbox
):
    sponsor, caseworker, desk = people["sponsor"], people["caseworker"], people["desk"]

    # 1. The university uploads its CSV; the row is filed and vouched for.
    report = ok(
        sponsor.post(
            "/api/v1/sponsor/applications/bulk",
            {"file": SimpleUploadedFile("students.csv", CSV.encode(), content_type="text/csv")},
            format="multipart",
        )
    )
    assert [r["status"] for r in report["rows"]] == ["imported"]
    ref = report["rows"][0]["reference"]
    own = ok(sponsor.get("/api/v1/sponsor/applications"))["results"]
    assert [(a["reference"], a["vouched"]) for a in own] == [(ref, True)]

    # 2. A caseworker gets it as her next work and takes it into assessment.
    task = ok(caseworker.post("/api/v1/tasks/next"))
    assert (task["application"], task["code"]) == (ref, "handle")
    for step in ("start-intake", "start-assessment"):
        ok(caseworker.post(f"/api/v1/applications/{ref}/actions/{step}", {}, format="json"))

    # 3. Indigo confirmed the sponsor's recognition itself when assessment started (its
    # own register): no sponsor check waits. She records the partner's fact.
    tasks = ok(caseworker.get(f"/api/v1/tasks?application={ref}&status=open"))["results"]
    assert [t for t in tasks if t["code"] == "sponsor-check"] == []
    ok(
        caseworker.post(
            f"/api/v1/applications/{ref}/facts",
            {
                "name": "criminal_record",
                "value": False,
                "source": "partner",
                "source_detail": "Justid",
            },
            format="json",
        ),
        201,
    )
    findings = ok(caseworker.get(f"/api/v1/applications/{ref}/findings"))
    assert findings["all_met"] is True and findings["proposal"] == "grant"

    # 4. The fast track grants and notifies; the worker makes the letter.
    decision = ok(caseworker.post(f"/api/v1/applications/{ref}/decision/fast-track"))
    assert decision["fast_track"] is True and decision["outcome"] == "grant"
    deliver_outbox()
    decision = ok(caseworker.get(f"/api/v1/applications/{ref}/decision"))
    letter = caseworker.get(decision["letter"]["href"])
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    assert ok(caseworker.get(f"/api/v1/applications/{ref}"))["status"] == "notified"

    # 5. The desk books her to collect the card on the first free slot tomorrow.
    desks = ok(desk.get("/api/v1/desks"))
    assert [d["code"] for d in desks] == ["zwolle"]
    slots = ok(
        desk.get(
            "/api/v1/desks/zwolle/slots?purpose=collect-residence-document"
            f"&start={TUESDAY}&end={TUESDAY}"
        )
    )
    appointment = ok(
        desk.post(
            "/api/v1/appointments",
            {
                "application": ref,
                "desk": "zwolle",
                "purpose": "collect-residence-document",
                "starts_at": slots[0]["starts_at"],
            },
            format="json",
        ),
        201,
    )

    # 6. On the day: identify, biometrics, hand out the card.
    clock_.move_to(datetime.combine(TUESDAY, time(9, 2), tzinfo=AMSTERDAM))
    base = f"/api/v1/appointments/{appointment['id']}/actions"
    ok(desk.post(f"{base}/identify", {"document": "passport", "checked": True}, format="json"))
    ok(desk.post(f"{base}/biometrics"))
    card = ok(desk.post(f"{base}/hand-out", {"card_number": "V123AL568"}, format="json"))
    assert card["card_number"] == "V123AL568" and card["possible_actions"] == []

    # 7. The one view of the person shows it all.
    [person] = ok(desk.post("/api/v1/persons/search", {"reference": ref}, format="json"))
    view = ok(desk.get(f"/api/v1/persons/{person['id']}"))
    assert [a["reference"] for a in view["applications"]] == [ref]
    assert [(a["state"], a["purpose"]) for a in view["appointments"]] == [
        ("attended", "collect-residence-document")
    ]
    assert [letter["outcome"] for letter in view["letters"]] == ["grant"]
