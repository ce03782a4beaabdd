"""A V-number is neither an identity oracle nor a way into someone's file (issue 9)."""

from datetime import date

import pytest
import time_machine
from rest_framework.test import APIClient

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.access import applications_visible_to
from indigo.cases.services import application_create
from indigo.cases.tests.factories import ApplicantDataFactory, make_application
from indigo.errors import Conflict

pytestmark = pytest.mark.usefixtures("catalog")


@pytest.fixture(autouse=True)
def _on_a_monday():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


VICTIM = {
    "given_names": "Amina",
    "surname": "Haddad",
    "date_of_birth": date(1990, 1, 2),
    "nationality": "SYR",
    "v_number": "3004120518",
}


def own_online(person, **applicant):
    return application_create(
        actor=person,
        account=person,
        product_code="family-partner",
        applicant=ApplicantDataFactory(**applicant),
        channel="online",
        fee_paid_eur=10_000,
    )


@pytest.fixture
def victim_file():
    return make_application(product="asylum", **VICTIM)


def test_an_applicant_with_someones_v_number_and_birth_date_gets_a_new_person(victim_file):
    attacker = user_with_role("applicant")

    mine = own_online(
        attacker,
        given_names="Eve",
        surname="Mallory",
        date_of_birth=VICTIM["date_of_birth"],
        nationality="NLD",
        v_number=VICTIM["v_number"],
    )

    assert mine.applicant_id != victim_file.applicant_id
    assert (mine.applicant.given_names, mine.applicant.surname) == ("Eve", "Mallory")
    victim_file.applicant.refresh_from_db()
    assert victim_file.applicant.user is None
    assert list(applications_visible_to(attacker)) == [mine]


def test_the_api_answer_is_the_same_whether_the_v_number_is_known_or_not(victim_file):
    client = APIClient()
    client.force_authenticate(user_with_role("applicant"))
    answers = []
    for dob in ("1990-01-02", "1991-07-07"):  # right and wrong date of birth
        # The fee cannot be paid through the API: both answers are the same refusal,
        # never "belongs to a person with another date of birth".
        response = client.post(
            "/api/v1/applications",
            {
                "product": "family-partner",
                "applicant": {
                    "given_names": "Eve",
                    "surname": "Mallory",
                    "date_of_birth": dob,
                    "nationality": "NLD",
                    "v_number": VICTIM["v_number"],
                },
            },
            format="json",
        )
        answers.append((response.status_code, response.json()["detail"]))
    assert answers[0] == answers[1]
    assert "Amina" not in str(answers) and "SYR" not in str(answers)


def test_with_a_wrong_birth_date_an_applicant_is_not_told_the_v_number_is_known(victim_file):
    attacker = user_with_role("applicant")

    mine = own_online(attacker, v_number=VICTIM["v_number"], date_of_birth=date(1985, 5, 5))

    assert mine.applicant_id != victim_file.applicant_id


def test_an_applicant_is_matched_through_their_login_identity():
    person = user_with_role("applicant")
    first = own_online(person, v_number="1111111111")

    second = own_online(person, v_number="1111111111")

    assert second.applicant_id == first.applicant_id


def test_staff_join_the_existing_person_only_when_the_details_match_the_record(victim_file):
    same = make_application(product="family-partner", **VICTIM)
    assert same.applicant_id == victim_file.applicant_id

    with pytest.raises(Conflict) as refused:
        make_application(product="family-partner", **{**VICTIM, "given_names": "Eve"})
    assert refused.value.code == "identity-mismatch"
